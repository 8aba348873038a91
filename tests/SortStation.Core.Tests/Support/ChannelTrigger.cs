using System.Runtime.CompilerServices;
using System.Threading.Channels;
using SortStation.Core.Devices;

namespace SortStation.Core.Tests.Support;

/// <summary>A trigger the test feeds by hand and ends with <see cref="Finish"/>.</summary>
public sealed class ChannelTrigger : IItemTrigger
{
    private readonly Channel<ItemDetected> _items = Channel.CreateUnbounded<ItemDetected>();

    public void Send(ItemDetected item) => _items.Writer.TryWrite(item);

    public void Finish() => _items.Writer.TryComplete();

    public async IAsyncEnumerable<ItemDetected> WatchAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var item in _items.Reader.ReadAllAsync(ct))
        {
            yield return item;
        }
    }
}
