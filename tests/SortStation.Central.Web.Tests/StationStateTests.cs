using System.Text;
using Microsoft.Extensions.Options;
using SortStation.Central.Live;
using SortStation.Central.Options;
using SortStation.Central.Stations;
using SortStation.Central.Storage;
using SortStation.Central.Web.Tests.Support;

namespace SortStation.Central.Web.Tests;

/// <summary>What the console takes from the stations' retained status and health messages (docs/security.md).</summary>
public sealed class StationStateTests : IDisposable
{
    private const string Health = """
        {"schema":"sortstation.health/1","stationId":"someone-else","timestamp":"2026-11-01T08:00:00+00:00","uptimeSeconds":12.5,
         "model":"mobilenetv2-trashnet@1.0.0","devices":{"camera":"Online","scale":"Faulted","gates":{"glass":"Online"}},
         "outbox":{"pending":42,"dropped":1},"mqtt":{"connected":true}}
        """;

    private readonly TempDir _dir = new();
    private readonly FleetEvents _events = new();

    [Fact]
    public async Task Apply_StatusAndHealth_StationFromTopicNotPayload()
    {
        var tracker = Tracker(requireRegistered: false, out _);
        Assert.True(tracker.Apply("sortstation/station-07/status", "online"u8));
        Assert.True(tracker.Apply("sortstation/station-07/health", Encoding.UTF8.GetBytes(Health)));
        var station = Assert.Single(await tracker.SnapshotAsync(default));
        Assert.Equal("station-07", station.StationId);
        Assert.True(station.Online);
        Assert.Equal((42L, 1L), (station.Health!.OutboxPending, station.Health.OutboxDropped));
        Assert.Equal("mobilenetv2-trashnet@1.0.0", station.Health.Model);
        Assert.Equal("Faulted", station.Health.Devices["scale"]);
        Assert.Equal("Online", station.Health.Devices["gates.glass"]);
    }

    [Fact]
    public void Apply_HostileTopicsAndPayloads_Ignored()
    {
        var tracker = Tracker(requireRegistered: false, out _);
        Assert.False(tracker.Apply("sortstation/central/status", "online"u8)); // central's own level
        Assert.False(tracker.Apply("sortstation/bad id/status", "online"u8));
        Assert.False(tracker.Apply("other/station-01/status", "online"u8));
        Assert.False(tracker.Apply("sortstation/station-01/health", "{not json"u8));
        Assert.False(tracker.Apply("sortstation/station-01/health", new byte[StationStateTracker.MaxPayloadBytes + 1]));
    }

    [Fact]
    public async Task Apply_ModelWithEscapeSequence_ShownEscaped()
    {
        var tracker = Tracker(requireRegistered: false, out _);
        tracker.Apply("sortstation/station-01/health", Encoding.UTF8.GetBytes(Health.Replace("mobilenetv2-trashnet@1.0.0", "evil\\u001b[31m", StringComparison.Ordinal)));
        var health = (await tracker.SnapshotAsync(default))[0].Health!;
        Assert.DoesNotContain('\u001b', health.Model!);
    }

    [Fact]
    public async Task Snapshot_RequireRegistered_OnlyActiveRegisteredStations()
    {
        var tracker = Tracker(requireRegistered: true, out var stations);
        await stations.AddAsync("station-01", DateTimeOffset.UtcNow, null, default);
        await stations.AddAsync("station-02", DateTimeOffset.UtcNow, null, default);
        await stations.RevokeAsync("station-02", DateTimeOffset.UtcNow, default);
        foreach (var id in new[] { "station-01", "station-02", "station-03" })
        {
            tracker.Apply($"sortstation/{id}/status", "online"u8);
        }

        Assert.Equal(["station-01"], (await tracker.SnapshotAsync(default)).Select(s => s.StationId));
    }

    [Fact]
    public async Task Apply_Status_PublishesStationEvent()
    {
        var tracker = Tracker(requireRegistered: false, out _);
        using var subscription = _events.Subscribe();
        tracker.Apply("sortstation/station-01/status", "offline"u8);
        var e = await subscription.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal((FleetEvent.Kinds.Station, "station-01"), (e.Kind, e.Stations[0]));
    }

    public void Dispose() => _dir.Dispose();

    private StationStateTracker Tracker(bool requireRegistered, out SqlStationStore stations)
    {
        var dialect = new SqliteDialect(_dir.File("central.db"));
        new SqlWeighingStore(dialect, TimeProvider.System).MigrateAsync(default).GetAwaiter().GetResult();
        stations = new SqlStationStore(dialect);
        return new StationStateTracker(
            Microsoft.Extensions.Options.Options.Create(new CentralMqttOptions()),
            Microsoft.Extensions.Options.Options.Create(new CentralOptions { RequireRegisteredStations = requireRegistered }),
            new StationRegistry(stations, TimeProvider.System),
            _events,
            TimeProvider.System);
    }
}
