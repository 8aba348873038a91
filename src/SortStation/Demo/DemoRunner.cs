using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SortStation.Commands;
using SortStation.Core.Classification;
using SortStation.Core.Pipeline;
using SortStation.Core.Pricing;
using SortStation.Core.Telemetry;
using SortStation.Core.Timing;
using SortStation.Hosting;
using SortStation.Simulation;
using SortStation.Telemetry;

namespace SortStation.Demo;

/// <summary>
/// Runs the real station host on simulated hardware for a fixed number of items, with an embedded
/// broker unless one is given, and checks that every record reached an independent subscriber once.
/// </summary>
public sealed class DemoRunner(int items, Uri? broker, DirectoryInfo? images, int? intervalMs, FileInfo? config)
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(30);

    // The demo's own outbox, so records left by a service or an earlier demo are never mixed in.
    private readonly string _outbox = Path.Combine(Path.GetTempPath(), $"sortstation-demo-{Guid.NewGuid():N}.db");

    public async Task<int> RunAsync(bool json, TextWriter output, TextWriter error, CancellationToken ct)
    {
        try
        {
            return await RunCoreAsync(json, output, error, ct);
        }
        finally
        {
            foreach (var file in new[] { _outbox, _outbox + "-wal", _outbox + "-shm" }.Where(File.Exists))
            {
                File.Delete(file);
            }
        }
    }

    private async Task<int> RunCoreAsync(bool json, TextWriter output, TextWriter error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var started = TimeProvider.System.GetTimestamp();
        await using var embedded = broker is null ? await EmbeddedBroker.StartAsync(ct) : null;
        var brokerUri = broker ?? embedded!.Uri;

        IHost host;
        WeighingSubscriber subscriber;
        try
        {
            host = StationHostBuilder.Build(config, Overrides(brokerUri));

            // Subscribe before the first item so the subscriber sees every record.
            var prefix = host.Services.GetRequiredService<IOptions<MqttOptions>>().Value.TopicPrefix;
            subscriber = await WeighingSubscriber.ConnectAsync(brokerUri, prefix, ct);
            await host.StartAsync(ct);
        }
#pragma warning disable CA1031 // Every start failure is reported with its exit code.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return StartupFailure.Report(ex, error);
        }

        using (host)
        await using (subscriber)
        {
            var fires = new ConcurrentQueue<GateFiredEventArgs>();
            host.Services.GetRequiredService<GateScheduler>().Fired += (_, e) => fires.Enqueue(e);

            await host.Services.GetRequiredService<SortingRun>().Completed.WaitAsync(ct);
            await host.Services.GetRequiredService<IOutbox>().WaitUntilDrainedAsync(ct).WaitAsync(DeliveryTimeout, ct);
            var complete = await subscriber.WaitForAsync(items, DeliveryTimeout, TimeProvider.System, ct);

            var report = DemoReport.Create(
                host.Services.GetRequiredService<SortingStatistics>().Snapshot(),
                new DemoDelivery(host.Services.GetRequiredService<MqttPublisher>().Acknowledged, subscriber.Received, subscriber.Duplicates),
                host.Services.GetRequiredService<PriceTable>().Currency,
                GateTimingReport.From(fires),
                (host.Services.GetRequiredService<IClassifier>().Model.Id, host.Services.GetRequiredService<SimulatedConveyor>().Frames),
                brokerUri.ToString(),
                TimeProvider.System.GetElapsedTime(started));
            await host.StopAsync(CancellationToken.None);

            if (json)
            {
                output.WriteLine(JsonSerializer.Serialize(report, CliJson.Options));
            }
            else
            {
                report.WriteText(output);
            }

            if (!complete || subscriber.Duplicates > 0)
            {
                error.WriteLine($"Delivery check failed: {subscriber.Received} of {items} records received, {subscriber.Duplicates} duplicates.");
                return ExitCodes.Failed;
            }

            return ExitCodes.Ok;
        }
    }

    private Dictionary<string, string?> Overrides(Uri brokerUri)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Station:Hardware"] = "Simulated",
            ["Simulation:Items"] = items.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mqtt:Broker"] = brokerUri.ToString(),
            ["Outbox:Path"] = _outbox,
            // Logs go to stderr so stdout carries only the summary (and stays valid JSON with --json).
            ["Serilog:WriteTo:0:Args:standardErrorFromLevel"] = "Verbose",
        };
        if (images is not null)
        {
            overrides["Simulation:ImagesDirectory"] = images.FullName;
        }

        if (intervalMs is not null)
        {
            overrides["Simulation:ItemIntervalMilliseconds"] = intervalMs.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return overrides;
    }
}
