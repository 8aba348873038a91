using System.Runtime.CompilerServices;
using System.Threading.Channels;
using SortStation.Core.Devices;

namespace SortStation.Core.Tests.Support;

/// <summary>A trigger the test feeds by hand and ends with <see cref="Finish"/>.</summary>
public sealed class ChannelTrigger : IItemTrigger
{
    private readonly Channel<ItemDetected> _items = Channel.CreateUnbounded<ItemDetected>();
    private int _taken;

    /// <summary>Items the loop has taken so far.</summary>
    public int Taken => Volatile.Read(ref _taken);

    public void Send(ItemDetected item) => _items.Writer.TryWrite(item);

    public void Finish() => _items.Writer.TryComplete();

    public async IAsyncEnumerable<ItemDetected> WatchAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var item in _items.Reader.ReadAllAsync(ct))
        {
            Interlocked.Increment(ref _taken);
            yield return item;
        }
    }
}
