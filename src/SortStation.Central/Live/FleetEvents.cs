using System.Collections.Concurrent;
using System.Threading.Channels;

namespace SortStation.Central.Live;

/// <summary>
/// Fan-out of <see cref="FleetEvent"/>s to the console's open pages (Server-Sent Events). Each subscriber has a
/// small queue that drops its oldest events when the page reads too slowly: an event only says "look again".
/// </summary>
public sealed class FleetEvents
{
    private const int QueueLength = 32;
    private readonly ConcurrentDictionary<Channel<FleetEvent>, byte> _subscribers = new();

    public int Subscribers => _subscribers.Count;

    public Subscription Subscribe()
    {
        var channel = Channel.CreateBounded<FleetEvent>(new BoundedChannelOptions(QueueLength) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _subscribers[channel] = 0;
        return new Subscription(this, channel);
    }

    public void Publish(FleetEvent fleetEvent)
    {
        foreach (var channel in _subscribers.Keys)
        {
            channel.Writer.TryWrite(fleetEvent);
        }
    }

    /// <summary>One page's queue; disposing it unsubscribes.</summary>
    public sealed class Subscription(FleetEvents owner, Channel<FleetEvent> channel) : IDisposable
    {
        public ChannelReader<FleetEvent> Reader => channel.Reader;

        public void Dispose()
        {
            owner._subscribers.TryRemove(channel, out _);
            channel.Writer.TryComplete();
        }
    }
}
