namespace SortStation.Core.Devices;

/// <summary>A station without an e-stop input: never active.</summary>
public sealed class NoInterlock : IInterlock
{
    public static NoInterlock Instance { get; } = new();

    public bool IsActive => false;

    public DateTimeOffset? ReleasedAt => null;

    public event EventHandler<InterlockChangedEventArgs>? Changed
    {
        add { }
        remove { }
    }

    public Task WaitUntilClearAsync(CancellationToken ct = default) => Task.CompletedTask;
}
