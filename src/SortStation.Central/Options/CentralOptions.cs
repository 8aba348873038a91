namespace SortStation.Central.Options;

/// <summary>Section <c>Central</c>: identity of this instance and what it accepts from the stations.</summary>
public sealed class CentralOptions
{
    public const string Section = "Central";

    /// <summary>Unique per instance; becomes the MQTT client id (the persistent session belongs to it).</summary>
    public string InstanceId { get; set; } = "central-01";

    /// <summary>
    /// Store weighings only from stations added with <c>sortstation-central stations add</c> (and not revoked).
    /// Off for the demo and development; on in the shipped production configuration.
    /// </summary>
    public bool RequireRegisteredStations { get; set; }

    /// <summary>A weighing stamped longer ago than this is rejected (a wrong clock, or a replay).</summary>
    public int MaxRecordAgeDays { get; set; } = 30;

    /// <summary>A weighing stamped further than this ahead of central's clock is rejected.</summary>
    public int MaxClockAheadSeconds { get; set; } = 60;
}
