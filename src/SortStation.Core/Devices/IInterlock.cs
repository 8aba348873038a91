namespace SortStation.Core.Devices;

/// <summary>
/// The e-stop / guard interlock. While it is active no gate may move and no item is taken;
/// it is released only when the input has been clear for the debounce time.
/// </summary>
public interface IInterlock
{
    bool IsActive { get; }

    /// <summary>When the interlock last went from active to clear; items seen before it are stale.</summary>
    DateTimeOffset? ReleasedAt { get; }

    /// <summary>Raised on every change, from the input's thread.</summary>
    event EventHandler<InterlockChangedEventArgs>? Changed;

    /// <summary>Completes at once when clear, otherwise when the interlock is released.</summary>
    Task WaitUntilClearAsync(CancellationToken ct = default);
}
