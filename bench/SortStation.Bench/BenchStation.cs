using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SortStation.Core;
using SortStation.Core.Classification;
using SortStation.Core.Devices;
using SortStation.Core.Options;
using SortStation.Core.Pipeline;
using SortStation.Core.Units;
using SortStation.Hosting;
using SortStation.Kernel.Options;
using SortStation.Outbox;
using SortStation.Telemetry;
using SortStation.Testing;
using SortStation.Vision;

namespace SortStation.Bench;

/// <summary>
/// The station's real composition (core, ONNX classifier, SQLite outbox) with the frame already in
/// memory and devices that cost nothing, so what is timed is the station's own path.
/// </summary>
internal sealed class BenchStation : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    /// <param name="config">Workers × threads and Model:* settings (<see cref="BenchConfig"/>) over appsettings.json.</param>
    public BenchStation(Frame frame, BenchConfig config, string outboxPath, string? modelPath = null, bool memoryOutbox = false)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        var overrides = config.Settings.ToDictionary(s => s.Key, s => (string?)s.Value);
        overrides["Outbox:Path"] = outboxPath;
        if (modelPath is not null)
        {
            overrides["Model:Path"] = modelPath; // else appsettings.json's default model
        }

        var configuration = StationConfiguration.Build(null, overrides);
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSortStationCore(configuration);
        services.AddValidatedOptions<OutboxOptions, OutboxOptionsValidator>(configuration, OutboxOptions.Section);
        services.AddSingleton<IClassifier>(sp => new OnnxClassifier(sp.GetRequiredService<IOptions<ModelOptions>>().Value));
        services.AddSingleton<ICamera>(new FakeCamera(frame));
        services.AddSingleton<IScale>(new FakeScale { Reading = Mass.FromGrams(250) }); // a fixed weight: only the station's own work is timed
        services.AddGates(sp => sp.GetRequiredService<IOptions<SortingOptions>>().Value.Bins
            .Where(b => b.Value.Gate != GateKind.None).Select(b => (IGate)new NullGate(b.Key)).ToArray());
        services.AddSingleton(sp => new PipelineDevices(sp.GetRequiredService<ICamera>(), sp.GetRequiredService<IClassifier>(), sp.GetRequiredService<IScale>()));
        services.AddSingleton<IOutboxStore>(sp => memoryOutbox
            ? new MemoryOutboxStore()
            : new SqliteOutboxStore(sp.GetRequiredService<IOptions<OutboxOptions>>().Value, NullLogger<SqliteOutboxStore>.Instance));
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<IOutboxStore>());
        services.AddSingleton<IItemTrigger>(Trigger);
        services.AddSingleton<SortingLoop>();
        _services = services.BuildServiceProvider();
        Pipeline = _services.GetRequiredService<SortingPipeline>();
        Outbox = _services.GetRequiredService<IOutboxStore>();
        Classifier = (OnnxClassifier)_services.GetRequiredService<IClassifier>();
    }

    public SortingPipeline Pipeline { get; }

    public BenchConfig Config { get; }

    /// <summary>Feeds <see cref="Loop"/>: items back to back while open.</summary>
    public GatedTrigger Trigger { get; } = new();

    /// <summary>The station's own loop over <see cref="Trigger"/> (Model:Workers items classifying at once); started by the scenario that uses it.</summary>
    public SortingLoop Loop => _services.GetRequiredService<SortingLoop>();

    /// <summary>Items whose records the outbox has committed.</summary>
    public long Committed => _services.GetRequiredService<SortingStatistics>().Counters().Items;

    public IOutboxStore Outbox { get; }

    public OnnxClassifier Classifier { get; }

    /// <summary>
    /// Sorts one item as SortingLoop does: its record's commit joins <paramref name="commits"/>, and the oldest
    /// are awaited while more than <see cref="SortingLoop.MaxCommitsInFlight"/> are uncommitted.
    /// </summary>
    public async ValueTask SortAsync(long sequence, Queue<Task<SortOutcome>> commits)
    {
        commits.Enqueue(await Pipeline.SortAsync(new ItemDetected(sequence, DateTimeOffset.UtcNow)));
        while (commits.Count > SortingLoop.MaxCommitsInFlight)
        {
            await commits.Dequeue();
        }
    }

    /// <summary>Waits for every commit still in <paramref name="commits"/>.</summary>
    public static async Task WaitForCommitsAsync(Queue<Task<SortOutcome>> commits)
    {
        while (commits.Count > 0)
        {
            await commits.Dequeue();
        }
    }

    /// <summary>Acknowledges everything pending, as the publisher would after PUBACKs (not timed).</summary>
    public async Task DrainAsync()
    {
        while (Outbox.Pending > 0)
        {
            var batch = await Outbox.ReadBatchAsync(1024);
            await Outbox.AcknowledgeAsync(batch);
        }
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
