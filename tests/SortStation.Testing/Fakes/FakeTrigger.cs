using System.Runtime.CompilerServices;
using System.Threading.Channels;
using SortStation.Core.Devices;

namespace SortStation.Testing;

/// <summary>A trigger the test feeds by hand and ends with <see cref="Finish"/>, or makes throw.</summary>
public sealed class FakeTrigger : IItemTrigger
{
    private readonly Channel<ItemDetected> _items = Channel.CreateUnbounded<ItemDetected>();
    private int _taken;

    /// <summary>Items the loop has taken so far.</summary>
    public int Taken => Volatile.Read(ref _taken);

    /// <summary>While set, the next item taken throws this instead.</summary>
    public Exception? Throw { get; set; }

    /// <summary>Items 1..<paramref name="count"/> at the epoch, then the end.</summary>
    public static FakeTrigger Finished(int count)
    {
        var trigger = new FakeTrigger();
        for (var i = 1; i <= count; i++)
        {
            trigger.Send(new ItemDetected(i, DateTimeOffset.UnixEpoch));
        }

        trigger.Finish();
        return trigger;
    }

    public void Send(ItemDetected item) => _items.Writer.TryWrite(item);

    public void Finish() => _items.Writer.TryComplete();

    public async IAsyncEnumerable<ItemDetected> WatchAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var item in _items.Reader.ReadAllAsync(ct))
        {
            if (Throw is not null)
            {
                throw Throw;
            }

            Interlocked.Increment(ref _taken);
            yield return item;
        }
    }
}
