using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SortStation.Central.Ingest;
using SortStation.Central.Recluster;
using SortStation.Central.Storage;
using SortStation.Central.Tests.Support;

namespace SortStation.Central.Tests;

/// <summary>The schedule runs on the injected clock; the result is retained on the broker for late subscribers.</summary>
public sealed class ReclusterTests : IDisposable
{
    private readonly BrokerAndFolder _env = new();

    public void Dispose() => _env.Dispose();

    [Fact]
    public async Task Schedule_IntervalElapsed_PublishesRetainedClustersAndWritesReport()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero));
        var settings = CentralHosts.Settings(_env.Broker.Uri, _env.Dir.File("central.db"));
        settings["Clustering:Enabled"] = "true";
        settings["Clustering:IntervalMinutes"] = "60";
        settings["Clustering:GroupBy"] = "station,label";
        settings["Clustering:KRange"] = "2-4";
        settings["Clustering:ReportDirectory"] = _env.Dir.File("report");
        using var host = await CentralHosts.StartAsync(settings, time);
        await SeedAsync(host.Services.GetRequiredService<IWeighingStore>());
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(host.Services.GetRequiredService<MqttIngestService>().IsConnected), TimeSpan.FromSeconds(10)));

        time.Advance(TimeSpan.FromMinutes(60));
        var service = host.Services.GetRequiredService<ReclusterService>();
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(service.Runs >= 1), TimeSpan.FromSeconds(60)));

        using var json = await RetainedMessage.ReadAsync(_env.Broker.Uri, "sortstation/central/clusters");
        Assert.InRange(json.RootElement.GetProperty("chosenK").GetInt32(), 2, 4);
        Assert.Equal(8, json.RootElement.GetProperty("records").GetInt32());
        Assert.True(File.Exists(Path.Combine(_env.Dir.File("report"), "summary.md")));
        await host.StopAsync();
    }

    [Fact]
    public async Task Schedule_BeforeInterval_DoesNotRun()
    {
        var time = new TickCountingTime(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(60));
        var settings = CentralHosts.Settings(_env.Broker.Uri, _env.Dir.File("central.db"));
        settings["Clustering:Enabled"] = "true";
        settings["Clustering:IntervalMinutes"] = "60";
        using var host = await CentralHosts.StartAsync(settings, time);
        var service = host.Services.GetRequiredService<ReclusterService>();
        Assert.True(await Eventually.TrueAsync(() => time.Timers == 1, TimeSpan.FromSeconds(10)), "no 60-minute schedule was created");

        time.Advance(TimeSpan.FromMinutes(59));

        // Timers fire inside Advance and a run follows only a tick: none came due in 59 minutes.
        Assert.Equal(0, time.Ticks);
        Assert.Equal(0, service.Runs);

        // The sentinel: the 60th minute brings exactly that tick and the first run, so the clock above was the schedule's.
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, time.Ticks);
        Assert.True(await Eventually.TrueAsync(() => service.Runs >= 1, TimeSpan.FromSeconds(60)));
        await host.StopAsync();
    }

    // Two stations, four item types: light cheap, heavy cheap, light dear; enough spread for k = 2-4.
    private static Task<StoreResult> SeedAsync(IWeighingStore store)
    {
        var t = new DateTimeOffset(2026, 11, 10, 0, 0, 0, TimeSpan.Zero);
        var rows = new List<Contracts.WeighingRecord>();
        foreach (var station in new[] { "s1", "s2" })
        {
            rows.Add(TestRecords.Create(0, station, "plastic", 120, 3000, t));
            rows.Add(TestRecords.Create(1, station, "cardboard", 150, 2000, t));
            rows.Add(TestRecords.Create(2, station, "metal", 5, 15000, t));
            rows.Add(TestRecords.Create(3, station, "glass", 8, 14000, t));
        }

        return store.StoreAsync(rows, RejectionCounts.None, default);
    }
}
