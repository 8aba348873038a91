using System.Device.Gpio;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SortStation.Core;
using SortStation.Core.Classification;
using SortStation.Core.Devices;
using SortStation.Core.Options;
using SortStation.Core.Pipeline;
using SortStation.Core.Timing;
using SortStation.Hardware.Gates;
using SortStation.Simulation;

namespace SortStation.Hardware.Tests.Support;

/// <summary>
/// The real core (pipeline, scheduler, sorting loop) wired through DI to real solenoid drivers on a fake
/// GPIO, a hand-fed trigger, a simulated e-stop and a fake clock. Glass is routed to GPIO 27, 0.5 m
/// from the camera at 0.5 m/s (due 1 s after the trigger), with an 80 ms pulse.
/// </summary>
public sealed class LoopRig : IAsyncDisposable
{
    public const int GlassPin = 27;
    public const int FibrePin = 17;

    public LoopRig()
    {
        Gpio = new GpioController(Driver);
        EStop = new SimulatedInterlock(Time);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sorting:RejectBin"] = "reject",
            ["Sorting:Routes:glass"] = "glass",
            ["Sorting:Bins:glass:Gate"] = "Solenoid",
            ["Sorting:Bins:glass:Pin"] = "27",
            ["Sorting:Bins:glass:DistanceMeters"] = "0.5",
            ["Sorting:Bins:fibre:Gate"] = "Solenoid",
            ["Sorting:Bins:fibre:Pin"] = "17",
            ["Sorting:Bins:fibre:DistanceMeters"] = "0.25",
            ["Sorting:Bins:reject:Gate"] = "None",
            ["Sorting:Bins:reject:DistanceMeters"] = "1.5",
            ["Belt:SpeedMetersPerSecond"] = "0.5",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSortStationCore(config);
        services.AddSingleton<IClassifier>(FakeClassifier.Glass());
        services.AddSingleton<IOutbox>(Outbox);
        services.AddSingleton(new PipelineDevices(new FakeCamera(), FakeClassifier.Glass(), new FakeScale()));
        services.AddSingleton<IItemTrigger>(Trigger);
        services.AddSingleton<IInterlock>(EStop);
        services.AddGates(sp => GateFactory.Create(sp.GetRequiredService<IOptions<SortingOptions>>().Value, Gpio, Time));
        services.AddSingleton<SortingLoop>();
        Services = services.BuildServiceProvider();
        Scheduler = Services.GetRequiredService<GateScheduler>();
        Loop = Services.GetRequiredService<SortingLoop>();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    public FakeGpioDriver Driver { get; } = new();

    public GpioController Gpio { get; }

    public FakeTrigger Trigger { get; } = new();

    public SimulatedInterlock EStop { get; }

    public RecordingOutbox Outbox { get; } = new();

    public ServiceProvider Services { get; }

    public GateScheduler Scheduler { get; }

    public SortingLoop Loop { get; }

    public PinValue Level(int pin) => Driver.LevelOf(pin);

    /// <summary>Sends an item seen now and waits until its record reached the outbox.</summary>
    public async Task SendAsync(long sequence)
    {
        var before = Outbox.Pending;
        Trigger.Send(new Core.Devices.ItemDetected(sequence, Time.GetUtcNow()));
        await Eventually.TrueAsync(() => Outbox.Pending > before, what: $"item {sequence} recorded");
    }

    /// <summary>Advances the clock in 1 ms steps, letting timer callbacks run.</summary>
    public async Task AdvanceAsync(int milliseconds)
    {
        for (var i = 0; i < milliseconds; i++)
        {
            Time.Advance(TimeSpan.FromMilliseconds(1));
            if (i % 10 == 0)
            {
                await Task.Delay(1);
            }
        }

        await Task.Delay(5);
    }

    /// <summary>Stops the loop as the host does on SIGTERM, moving the clock until the fires in flight have happened.</summary>
    public async Task StopLoopAsync()
    {
        var stop = Loop.StopAsync(CancellationToken.None);
        while (!stop.IsCompleted)
        {
            await AdvanceAsync(10);
        }

        await stop;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Gpio.Dispose();
    }
}
