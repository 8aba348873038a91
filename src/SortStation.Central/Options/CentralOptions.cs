namespace SortStation.Central.Options;

/// <summary>Section <c>Central</c>: identity of this instance.</summary>
public sealed class CentralOptions
{
    public const string Section = "Central";

    /// <summary>Unique per instance; becomes the MQTT client id (the persistent session belongs to it).</summary>
    public string InstanceId { get; set; } = "central-01";
}
