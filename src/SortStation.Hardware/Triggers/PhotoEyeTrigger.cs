using System.Device.Gpio;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using SortStation.Core.Alarms;
using SortStation.Core.Devices;
using SortStation.Hardware.Options;

namespace SortStation.Hardware.Triggers;

/// <summary>
/// A photo-eye at the camera line on a GPIO input: the edge into the active level (beam blocked) is one
/// item, stamped in the edge callback, debounced against contact and edge bounce; an edge sooner than
/// Trigger:MinSpacingMilliseconds after the last item is the same item. The level is watched too (both edges):
/// held blocked longer than Trigger:JamSeconds is a jam (<see cref="JamWatch"/>), a soft stop until the beam clears.
/// </summary>
public sealed class PhotoEyeTrigger(GpioController gpio, TriggerOptions options, TimeProvider time, StationAlarms? alarms = null) : IItemTrigger
{
    public async IAsyncEnumerable<ItemDetected> WatchAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var items = Channel.CreateUnbounded<ItemDetected>(new UnboundedChannelOptions { SingleReader = true });
        // Bounce and the item lockout are one window: an edge within it is the same item (Trigger:MinSpacingMilliseconds).
        var debouncer = new EdgeDebouncer(options.MinSpacing);
        long sequence = 0;
        var pin = options.Pin;
        var blockedEdge = options.ActiveHigh ? PinEventTypes.Rising : PinEventTypes.Falling;
        using var jam = alarms is null ? null : new JamWatch(alarms, TimeSpan.FromSeconds(options.JamSeconds), time, $"the photo-eye on GPIO {pin} (Trigger:Pin)");
        void OnEdge(object sender, PinValueChangedEventArgs e)
        {
            if (e.ChangeType != blockedEdge)
            {
                jam?.Cleared();
                return;
            }

            jam?.Blocked();
            var now = time.GetUtcNow();
            if (debouncer.Accept(now))
            {
                items.Writer.TryWrite(new ItemDetected(Interlocked.Increment(ref sequence), now));
            }
        }

        gpio.OpenPin(pin, options.PullUp ? PinMode.InputPullUp : PinMode.Input);
        gpio.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Rising | PinEventTypes.Falling, OnEdge);

        // Blocked already at start: an item left in the beam (no edge will come for it) counts toward a jam.
        if (gpio.Read(pin) == (options.ActiveHigh ? PinValue.High : PinValue.Low))
        {
            jam?.Blocked();
        }

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
