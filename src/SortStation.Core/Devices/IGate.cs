namespace SortStation.Core.Devices;

/// <summary>A diverter that pushes an item into its bin.</summary>
public interface IGate
{
    /// <summary>The bin this gate serves.</summary>
    string Bin { get; }

    DeviceState State { get; }

    /// <summary>Performs one diversion (solenoid pulse, relay hold, servo sweep) and returns to rest.</summary>
    ValueTask FireAsync(CancellationToken ct = default);

    /// <summary>Drives the output to its configured safe level. Synchronous so it works on every exit path.</summary>
    void EnterSafeState();
}
