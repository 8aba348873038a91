using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SortStation.Core.Alarms;
using SortStation.Core.Classification;
using SortStation.Core.Identity;
using SortStation.Core.Options;
using SortStation.Core.Pipeline;
using SortStation.Core.Pricing;
using SortStation.Core.Routing;
using SortStation.Core.Timing;

namespace SortStation.Core.Tests.Support;

/// <summary>
/// A real <see cref="SortingPipeline"/> over fake devices, a recording outbox, recording gates and a fake clock.
/// Glass goes to a gate 0.8 m down a 0.5 m/s belt, paper and cardboard to "fibre" at 0.4 m.
/// </summary>
public sealed class PipelineRig : IAsyncDisposable
{
    public PipelineRig(IClassifier? classifier = null)
    {
        Glass = new RecordingGate("glass", Time);
        Fibre = new RecordingGate("fibre", Time);
        var sorting = new TestOptionsMonitor<SortingOptions>(TestSorting.Options());
        var beltOptions = new TestOptionsMonitor<BeltOptions>(new BeltOptions { SpeedMetersPerSecond = 0.5 });
        var belt = new BeltTiming(beltOptions);
        Gates = new GateScheduler([Glass, Fibre], new GateWindows(sorting, beltOptions), Time, NullLogger<GateScheduler>.Instance);
        Alarms = new StationAlarms(Time, NullLogger.Instance);
        Backlog = new BacklogWatch(sorting, belt, Alarms, Time);
        var pricing = new TestOptionsMonitor<PricingOptions>(new PricingOptions { Currency = "IDR", PerKg = new() { ["glass"] = 500m } });
        Pipeline = new SortingPipeline(
            new PipelineDevices(Camera, classifier ?? Classifier, Scale),
            new Router(sorting),
            belt,
            Gates,
            new PriceTable(pricing),
            new ItemIdGenerator(Time),
            Outbox,
            sorting,
            Microsoft.Extensions.Options.Options.Create(new StationOptions { Id = "line-7" }),
            Statistics,
            Time,
            NullLogger<SortingPipeline>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    public FakeCamera Camera { get; } = new();

    /// <summary>The classifier unless the constructor was given another.</summary>
    public FakeClassifier Classifier { get; } = new();

    public FakeScale Scale { get; } = new();

    public RecordingOutbox Outbox { get; } = new();

    public RecordingGate Glass { get; }

    public RecordingGate Fibre { get; }

    public GateScheduler Gates { get; }

    public SortingStatistics Statistics { get; } = new();

    /// <summary>The station's alarms; the backlog watch raises on it (first gate: fibre, 0.4 m at 0.5 m/s = 0.8 s).</summary>
    public StationAlarms Alarms { get; }

    public BacklogWatch Backlog { get; }

    public SortingPipeline Pipeline { get; }

    public async ValueTask DisposeAsync() => await Gates.DisposeAsync();
}
