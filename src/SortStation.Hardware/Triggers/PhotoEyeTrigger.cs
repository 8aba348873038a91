using System.Device.Gpio;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using SortStation.Core.Devices;
using SortStation.Hardware.Options;

namespace SortStation.Hardware.Triggers;

/// <summary>
/// A photo-eye at the camera line on a GPIO input: the edge into the active level (beam blocked) is one
/// item, stamped in the edge callback, debounced against contact and edge bounce; an edge sooner than
/// Trigger:MinSpacingMilliseconds after the last item is the same item.
/// </summary>
public sealed class PhotoEyeTrigger(GpioController gpio, TriggerOptions options, TimeProvider time) : IItemTrigger
{
    public async IAsyncEnumerable<ItemDetected> WatchAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var items = Channel.CreateUnbounded<ItemDetected>(new UnboundedChannelOptions { SingleReader = true });
        // Bounce and the item lockout are one window: an edge within it is the same item (Trigger:MinSpacingMilliseconds).
        var debouncer = new EdgeDebouncer(options.MinSpacing);
        long sequence = 0;
        void OnEdge(object sender, PinValueChangedEventArgs e)
        {
            var now = time.GetUtcNow();
            if (debouncer.Accept(now))
            {
                items.Writer.TryWrite(new ItemDetected(Interlocked.Increment(ref sequence), now));
            }
        }

        var pin = options.Pin;
        gpio.OpenPin(pin, options.PullUp ? PinMode.InputPullUp : PinMode.Input);
        var edge = options.ActiveHigh ? PinEventTypes.Rising : PinEventTypes.Falling;
        gpio.RegisterCallbackForPinValueChangedEvent(pin, edge, OnEdge);
        try
        {
            await foreach (var item in items.Reader.ReadAllAsync(ct))
            {
                yield return item;
            }
        }
        finally
        {
            gpio.UnregisterCallbackForPinValueChangedEvent(pin, OnEdge);
            gpio.ClosePin(pin);
        }
    }
}
