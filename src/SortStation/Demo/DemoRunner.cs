using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SortStation.Commands;
using SortStation.Core.Alarms;
using SortStation.Core.Classification;
using SortStation.Core.Pipeline;
using SortStation.Core.Pricing;
using SortStation.Core.Timing;
using SortStation.Hosting;
using SortStation.Kernel.Hosting;
using SortStation.Mqtt;
using SortStation.Operations;
using SortStation.Outbox;
using SortStation.Simulation;
using SortStation.Telemetry;

namespace SortStation.Demo;

/// <summary>
/// Runs the real station host on simulated hardware for a fixed number of items, with an embedded
/// broker unless one is given, and checks that every record reached an independent subscriber once.
/// </summary>
public sealed class DemoRunner(int items, Uri? broker, DirectoryInfo? images, int? intervalMs, FileInfo? config, System.Net.IPAddress? listen = null)
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
        await using var embedded = broker is null ? await EmbeddedBroker.StartAsync(listen, ct) : null;
        var brokerUri = broker ?? embedded!.Uri;

        IHost host;
        WeighingSubscriber subscriber;
        try
        {
            host = StationHostBuilder.Build(config, Overrides(brokerUri));
            ModelStartupCheck.Run(host.Services);

            // Subscribe before the first item so the subscriber sees every record; to this station's topic only, so
            // another station on the same broker (the fleet demo) never counts as this one's delivery.
            var prefix = host.Services.GetRequiredService<IOptions<MqttOptions>>().Value.TopicPrefix;
            var stationId = host.Services.GetRequiredService<IOptions<SortStation.Core.Options.StationOptions>>().Value.Id;
            subscriber = await WeighingSubscriber.ConnectAsync(brokerUri, prefix, stationId, ct);
            await host.StartAsync(ct);
        }
#pragma warning disable CA1031 // Every start failure is reported with its exit code.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return StartupFailure.Report(ex, error, StationHostBuilder.NotStarted);
        }

        using (host)
        await using (subscriber)
        {
            var fires = new ConcurrentQueue<GateFiredEventArgs>();
            host.Services.GetRequiredService<GateScheduler>().Fired += (_, e) => fires.Enqueue(e);

            var run = host.Services.GetRequiredService<SortingRun>();
            var alarms = host.Services.GetRequiredService<StationAlarms>();
            var outbox = host.Services.GetRequiredService<IOutboxStore>();
            var statistics = host.Services.GetRequiredService<SortingStatistics>();
            await run.Completed.WaitAsync(ct);

            // An alarm still active (say the outbox cannot commit): what it keeps will not drain; report it instead.
            // Missed gates and lost fires hold no record back (their records are written): they are reported with the gate figures.
            var stoppedAtEnd = alarms.Snapshot().Active.Select(a => a.Code).Where(c => !AlarmCodes.IsGateTiming(c)).ToArray();
            if (stoppedAtEnd.Length == 0)
            {
                await outbox.WaitUntilDrainedAsync(ct).WaitAsync(DeliveryTimeout, ct);
            }

            // Items that passed unsorted during a soft stop have no record; every sorted item's committed one is expected.
            var expected = (int)(statistics.Snapshot().Items - outbox.Dropped - outbox.WriteFailed - outbox.Held);
            var complete = await subscriber.WaitForAsync(expected, stoppedAtEnd.Length == 0 ? DeliveryTimeout : TimeSpan.FromSeconds(5), TimeProvider.System, ct);

            var report = DemoReport.Create(
                statistics.Snapshot(),
                new DemoDelivery(host.Services.GetRequiredService<MqttPublisher>().Acknowledged, subscriber.Received, subscriber.Duplicates, subscriber.Topic, subscriber.OtherStation),
                host.Services.GetRequiredService<PriceTable>().Currency,
                GateTimingReport.From(fires, host.Services.GetRequiredService<GateScheduler>().Statistics),
                (host.Services.GetRequiredService<IClassifier>().Model.Id, host.Services.GetRequiredService<SimulatedConveyor>().Frames),
                brokerUri.ToString(),
                TimeProvider.System.GetElapsedTime(started));
            await host.StopAsync(CancellationToken.None);
            host.Dispose(); // the outbox's last retry of what it keeps in memory; what still fails is counted lost
            var stoppage = DemoStoppage.From(alarms, stoppedAtEnd, run, report.Items, outbox);
            report = report with { Stoppage = stoppage };

            if (json)
            {
                output.WriteLine(JsonSerializer.Serialize(report, CliJson.Options));
            }
            else
            {
                report.WriteText(output);
            }

            var failed = false;
            if (stoppage.Failed)
            {
                error.WriteLine($"Records lost or the station still soft-stopped: {stoppage.LostWriteFailed} lost (commit failed), {stoppage.DroppedQuota} dropped (quota), active at the end: {(stoppedAtEnd.Length == 0 ? "none" : string.Join(", ", stoppedAtEnd))}.");
                failed = true;
            }

            // Delivery is at least once (docs/telemetry.md): a re-delivery after a cut is dropped by itemId and only
            // reported; a record that never arrived, one that could not be read, or one on this station's topic that
            // names another station fails the check.
            if (!complete || subscriber.Malformed > 0 || subscriber.OtherStation > 0)
            {
                error.WriteLine($"Delivery check failed: {subscriber.Received} of {expected} records of {subscriber.StationId} received on {subscriber.Topic} ({subscriber.Malformed} unreadable, {subscriber.OtherStation} naming another station, {subscriber.Duplicates} duplicates, {subscriber.Reconnects} reconnects).");
                failed = true;
            }

            if (failed)
            {
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
