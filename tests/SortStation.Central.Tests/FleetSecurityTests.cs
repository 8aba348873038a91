using System.Runtime.Versioning;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;
using SortStation.Central.Ingest;
using SortStation.Central.Storage;
using SortStation.Central.Tests.Support;
using SortStation.Contracts;

namespace SortStation.Central.Tests;

/// <summary>
/// Issue 20 against the SHIPPED broker configuration (scripts/mosquitto: sortstation.conf, sortstation.acl,
/// make-ca.sh) with stations provisioned by the real `stations add / revoke`: the broker keeps each station
/// to its own topics, central stores what its own stations send.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class FleetSecurityTests : IDisposable
{
    private readonly SecureFleet _fleet = new();

    public void Dispose() => _fleet.Dispose();

    [Fact]
    public async Task Publish_ForAnotherStation_RefusedByBrokerAndOwnRecordsStored()
    {
        Assert.Equal(0, await _fleet.AddStationAsync("station-01"));
        Assert.Equal(0, await _fleet.AddStationAsync("station-02"));
        using var host = await CentralHosts.StartAsync(_fleet.CentralSettings());
        using var station02 = await SecureClient.ConnectAsync(_fleet.Broker, "station-02", _fleet.PasswordOf("station-02"));

        // The spoof of the issue: station-02 says station-01 sorted a 999 kg metal item.
        var spoof = Fresh(1, "station-01", "metal", 999, 15000);
        var refused = await station02.PublishAsync(TestRecords.Topic("station-01"), TestRecords.Json(spoof));
        var statusSpoof = await station02.PublishAsync("sortstation/station-01/status", Encoding.UTF8.GetBytes("online"), retain: true);
        var own = Fresh(2, "station-02", "glass", 0.5, 1000);
        var accepted = await station02.PublishAsync(TestRecords.Topic("station-02"), TestRecords.Json(own));

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, refused.ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, statusSpoof.ReasonCode);
        Assert.True(accepted.IsSuccess, accepted.ReasonCode.ToString());
        var store = host.Services.GetRequiredService<IWeighingStore>();
        Assert.True(await Eventually.TrueAsync(async () => (await store.ReadStatsAsync(default)).Stored == 1, TimeSpan.FromSeconds(20)), "station-02's own weighing never arrived");
        var stats = await store.ReadStatsAsync(default);
        Assert.Equal(["station-02"], stats.PerStation.Select(s => s.Key)); // the spoof was published first, on the same connection
        Assert.Equal(0, stats.MalformedRejected);
        await host.StopAsync();
    }

    [Fact]
    public async Task Connect_WithCentralsClientId_DoesNotTakeOverCentralsSession()
    {
        Assert.Equal(0, await _fleet.AddStationAsync("station-02"));
        using var host = await CentralHosts.StartAsync(_fleet.CentralSettings());

        // With client id "central" a station would otherwise inherit central's queued weighings.
        using var thief = await SecureClient.ConnectAsync(_fleet.Broker, "station-02", _fleet.PasswordOf("station-02"), clientId: "central");
        await thief.PublishAsync(TestRecords.Topic("station-02"), TestRecords.Json(Fresh(1, "station-02")));

        var pipeline = host.Services.GetRequiredService<IngestPipeline>();
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(pipeline.Stored == 1), TimeSpan.FromSeconds(20)), "central did not keep receiving");
        Assert.DoesNotContain("already connected, closing old connection", _fleet.Broker.Log, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task RetainedStatus_SpoofedByAnotherStation_OwnersValueKept()
    {
        Assert.Equal(0, await _fleet.AddStationAsync("station-01"));
        Assert.Equal(0, await _fleet.AddStationAsync("station-02"));
        using (var station01 = await SecureClient.ConnectAsync(_fleet.Broker, "station-01", _fleet.PasswordOf("station-01")))
        {
            Assert.True((await station01.PublishAsync("sortstation/station-01/status", Encoding.UTF8.GetBytes("online"), retain: true)).IsSuccess);
        }

        using (var station02 = await SecureClient.ConnectAsync(_fleet.Broker, "station-02", _fleet.PasswordOf("station-02")))
        {
            var spoof = await station02.PublishAsync("sortstation/station-01/status", Encoding.UTF8.GetBytes("offline"), retain: true);
            Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, spoof.ReasonCode);
        }

        // Read as central does (its account may read every station).
        using var reader = await SecureClient.ConnectAsync(_fleet.Broker, "central", SecureFleet.CentralPassword);
        var retained = new TaskCompletionSource<string>();
        reader.ApplicationMessageReceivedAsync += e =>
        {
            retained.TrySetResult(e.ApplicationMessage.ConvertPayloadToString());
            return Task.CompletedTask;
        };
        await reader.SubscribeAsync("sortstation/station-01/status", MqttQualityOfServiceLevel.AtLeastOnce);
        Assert.Equal("online", await retained.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Revoke_ConnectedStation_DisconnectedAndCannotConnectAgain()
    {
        Assert.Equal(0, await _fleet.AddStationAsync("station-03"));
        var password = _fleet.PasswordOf("station-03");
        using var station = await SecureClient.ConnectAsync(_fleet.Broker, "station-03", password);
        var disconnected = SecureClient.DisconnectedAsync(station);

        Assert.Equal(0, await _fleet.RevokeStationAsync("station-03"));

        await disconnected.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Matches("NotAuthorized|BadUserNameOrPassword", await SecureClient.RefusalAsync(_fleet.Broker, "station-03", password));
    }

    [Fact]
    public async Task Rotate_OldSessionEndedOldPasswordRefusedNewAccepted()
    {
        Assert.Equal(0, await _fleet.AddStationAsync("station-04"));
        var old = _fleet.PasswordOf("station-04");
        using var connected = await SecureClient.ConnectAsync(_fleet.Broker, "station-04", old);
        var disconnected = SecureClient.DisconnectedAsync(connected);

        Assert.Equal(0, await _fleet.AddStationAsync("station-04", rotate: true));

        await disconnected.WaitAsync(TimeSpan.FromSeconds(10)); // the old password's session ends at the reload
        Assert.NotEqual(old, _fleet.PasswordOf("station-04"));
        Assert.Matches("NotAuthorized|BadUserNameOrPassword", await SecureClient.RefusalAsync(_fleet.Broker, "station-04", old));
        using var accepted = await SecureClient.ConnectAsync(_fleet.Broker, "station-04", _fleet.PasswordOf("station-04"));
        Assert.True(accepted.IsConnected);
    }

    /// <summary>A weighing stamped now: after the station's registration.</summary>
    private static WeighingRecord Fresh(int index, string station, string label = "glass", double kg = 0.125, decimal price = 3500) =>
        TestRecords.Create(index, station, label, kg, price, DateTimeOffset.UtcNow);
}
