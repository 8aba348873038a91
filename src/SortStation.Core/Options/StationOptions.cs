namespace SortStation.Core.Options;

/// <summary>Section <c>Station</c>: identity and which hardware to drive.</summary>
public sealed class StationOptions
{
    public const string Section = "Station";

    /// <summary>Unique in the fleet; part of every MQTT topic, so letters, digits, '-' and '_' only.</summary>
    public string Id { get; set; } = "station-01";

    /// <summary><c>Simulated</c> runs with no devices attached.</summary>
    public HardwareMode Hardware { get; set; } = HardwareMode.Simulated;
}
