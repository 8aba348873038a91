namespace SortStation.Core.Devices;

/// <summary>Notices items arriving at the camera (photo-eye, scale load, motion, or the simulator).</summary>
public interface IItemTrigger
{
    /// <summary>One event per item, stamped with the time it passed the camera.</summary>
    IAsyncEnumerable<ItemDetected> WatchAsync(CancellationToken ct = default);
}
