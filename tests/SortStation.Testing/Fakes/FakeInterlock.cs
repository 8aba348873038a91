using SortStation.Core.Devices;

namespace SortStation.Testing;

/// <summary>An e-stop the test presses and releases.</summary>
public sealed class FakeInterlock : IInterlock
{
    public event EventHandler<InterlockChangedEventArgs>? Changed;

    public bool IsActive { get; set; }

    public DateTimeOffset? ReleasedAt => null;

    public Task WaitUntilClearAsync(CancellationToken ct = default) => Task.CompletedTask;

    public void Raise(InterlockChangedEventArgs e) => Changed?.Invoke(this, e);
}
