using System.Runtime.CompilerServices;
using SortStation.Core.Devices;

namespace SortStation.Operations.Tests.Support;

/// <summary>Hands over a fixed number of items, then ends.</summary>
public sealed class FakeTrigger(int items) : IItemTrigger
{
    public async IAsyncEnumerable<ItemDetected> WatchAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var i = 1; i <= items; i++)
        {
            await Task.Yield();
            yield return new ItemDetected(i, DateTimeOffset.UnixEpoch);
        }
    }
}
