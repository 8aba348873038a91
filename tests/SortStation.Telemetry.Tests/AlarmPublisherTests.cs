using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SortStation.Core.Alarms;
using SortStation.Core.Options;
using SortStation.Outbox;
using SortStation.Telemetry.Tests.Support;

namespace SortStation.Telemetry.Tests;

/// <summary>The retained alarm topic on a real mosquitto: what a technician's dashboard or a PLC gateway reads.</summary>
public sealed class AlarmPublisherTests : IDisposable
{
    private const string Prefix = "alarmtest";
    private readonly TempDir _dir = new();
    private readonly StationAlarms _alarms = new(TimeProvider.System, NullLogger.Instance);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Publish_RaisedThenCleared_RetainedMessageFollowsAndEndsEmpty()
    {
        using var broker = MosquittoBroker.Run();
        await using var station = await StartAsync(broker);
        Assert.True(await Eventually.TrueAsync(() => station.Alarms.PublishedVersion == 0, TimeSpan.FromSeconds(10)), "no initial state published");

        _alarms.Raise(AlarmCodes.Jam, "the photo-eye on GPIO 16 blocked for more than 5 s");
        Assert.True(await Eventually.TrueAsync(() => station.Alarms.PublishedVersion == 1, TimeSpan.FromSeconds(10)), "raise not published");

        using (var raised = await ReadRetainedAsync(broker.Uri))
        {
            var root = raised.RootElement;
            Assert.Equal("sortstation.alarm/1", root.GetProperty("schema").GetString());
            Assert.True(root.GetProperty("stopped").GetBoolean());
            var alarm = Assert.Single(root.GetProperty("alarms").EnumerateArray());
            Assert.Equal("jam", alarm.GetProperty("code").GetString());
            Assert.StartsWith("the photo-eye on GPIO 16", alarm.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.True(alarm.GetProperty("stopsSorting").GetBoolean());
            Assert.Equal(_alarms.Snapshot().Active[0].Since, alarm.GetProperty("since").GetDateTimeOffset());
        }

        _alarms.Clear(AlarmCodes.Jam, "beam clear");
        Assert.True(await Eventually.TrueAsync(() => station.Alarms.PublishedVersion == 2, TimeSpan.FromSeconds(10)), "clear not published");

        using var cleared = await ReadRetainedAsync(broker.Uri);
        Assert.False(cleared.RootElement.GetProperty("stopped").GetBoolean());
        Assert.Empty(cleared.RootElement.GetProperty("alarms").EnumerateArray());
    }

    [Fact]
    public async Task Publish_RaisedWhileTheBrokerIsDown_PublishedOnceItIsBack()
    {
        using var broker = MosquittoBroker.Create();
        await using var station = await StartAsync(broker);

        _alarms.Raise(AlarmCodes.OutboxWriteFailed, "disk full");
        broker.Start();

        Assert.True(await Eventually.TrueAsync(() => station.Alarms.PublishedVersion == 1, TimeSpan.FromSeconds(20)), "not published after the broker came back");
        using var retained = await ReadRetainedAsync(broker.Uri);
        Assert.Equal("outbox-write-failed", retained.RootElement.GetProperty("alarms")[0].GetProperty("code").GetString());
    }

    private async Task<Station> StartAsync(MosquittoBroker broker)
    {
        var mqtt = Publishers.Options(broker.Uri, Prefix);
        var outbox = Publishers.Outbox(_dir.File("outbox.db"));
        var publisher = Publishers.Publisher(outbox, mqtt);
        var alarms = new AlarmPublisher(publisher, _alarms, Microsoft.Extensions.Options.Options.Create(mqtt), Microsoft.Extensions.Options.Options.Create(new StationOptions { Id = "test-station" }), TimeProvider.System);
        await publisher.StartAsync(CancellationToken.None);
        await alarms.StartAsync(CancellationToken.None);
        return new Station(outbox, publisher, alarms);
    }

    private static Task<JsonDocument> ReadRetainedAsync(Uri broker) => RetainedMessage.ReadAsync(broker, $"{Prefix}/test-station/alarm");

    private sealed record Station(SqliteOutboxStore Outbox, MqttPublisher Publisher, AlarmPublisher Alarms) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Alarms.StopAsync(CancellationToken.None);
            await Publisher.StopAsync(CancellationToken.None);
            Alarms.Dispose();
            Publisher.Dispose();
            Outbox.Dispose();
        }
    }
}
