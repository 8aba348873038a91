using System.Net;
using System.Text.Json;
using SortStation.Core.Alarms;
using SortStation.Telemetry;

namespace SortStation.Tests.Hosting;

/// <summary>/healthz and /metrics of the real station host, read over HTTP.</summary>
public sealed class StationHealthTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60); // returns as soon as the condition holds

    [Fact]
    public async Task Healthz_RunningStationWithBroker_200WithEveryComponent()
    {
        // Items no closer than the photo-eye lets them be (Trigger:MinSpacingMilliseconds): every gate keeps up, so
        // no missed gate makes the gates check unhealthy (Metrics_GatesCannotKeepUp_… shows that it would).
        var port = FreePort.Next();
        var extra = Enabled(port);
        extra["Simulation:ItemIntervalMilliseconds"] = "150";
        await using var station = await RunningStation.StartAsync(StationConfig.With(), extra);
        using var http = new HttpClient();
        Assert.True(await RunningStation.EventuallyAsync(() => station.Records.Count >= 3, Timeout));

        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal(["camera", "scale", "gates", "broker", "outbox", "model", "loop", "sorting"], checks.EnumerateObject().Select(c => c.Name));
    }

    [Fact]
    public async Task Healthz_BrokerUnreachable_503NamingBroker()
    {
        var port = FreePort.Next();
        var extra = Enabled(port);
        extra["Mqtt:Broker"] = $"mqtt://127.0.0.1:{FreePort.Next()}";
        await using var station = await RunningStation.StartAsync(StationConfig.With(), extra);
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(json.RootElement.GetProperty("checks").GetProperty("broker").GetProperty("healthy").GetBoolean());
        Assert.True(json.RootElement.GetProperty("checks").GetProperty("camera").GetProperty("healthy").GetBoolean());
    }

    [Fact]
    public async Task Metrics_AfterItems_CountsLatencyOutboxAndModel()
    {
        var port = FreePort.Next();
        await using var station = await RunningStation.StartAsync(StationConfig.With(), Enabled(port));
        using var http = new HttpClient();
        Assert.True(await RunningStation.EventuallyAsync(() => station.Records.Count >= 5, Timeout));

        var text = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));

        Assert.Matches("sortstation_items_total\\{label=\"[a-z]+\",bin=\"[a-z]+\"\\} [1-9]", text);
        Assert.Contains("sortstation_item_latency_seconds_bucket{le=\"+Inf\"}", text, StringComparison.Ordinal);
        Assert.Contains("sortstation_inference_seconds_count", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE sortstation_outbox_depth gauge", text, StringComparison.Ordinal);
        Assert.Contains("sortstation_publish_failures_total", text, StringComparison.Ordinal);
        Assert.Contains("sortstation_scale_faults_total", text, StringComparison.Ordinal);
        Assert.Contains("sortstation_rejects_total", text, StringComparison.Ordinal);
        Assert.Contains("sortstation_model_info{model=\"mobilenetv2-trashnet@", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_GatesCannotKeepUp_MissedGatesCountedRecordedAndGatesUnhealthy()
    {
        // 100 items/s (the replayed samples: a third paper or cardboard) on gates that serve 10/s: most items miss
        // theirs. Wait for a missed fibre item: the first missed item may be of any bin.
        var port = FreePort.Next();
        var extra = Enabled(port);
        extra["Simulation:ItemIntervalMilliseconds"] = "10";
        await using var station = await RunningStation.StartAsync(StationConfig.With(), extra);
        using var http = new HttpClient();
        // A fibre item's miss, not just any: with the replayed samples the first miss may be another bin's.
        Assert.True(await RunningStation.EventuallyAsync(() => station.Records.Any(r => r.Reason == "missed-gate" && r.Label is "paper" or "cardboard"), Timeout));

        var metrics = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
        using var health = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));

        Assert.All(station.Records.Where(r => r.Reason == "missed-gate"), r => Assert.Equal("reject", r.Bin));
        Assert.Matches("sortstation_missed_gates_total\\{bin=\"fibre\"\\} [1-9]", metrics);
        Assert.Contains("sortstation_missed_gates_total{bin=\"glass\"} ", metrics, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        using var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        var gates = json.RootElement.GetProperty("checks").GetProperty("gates");
        Assert.False(gates.GetProperty("healthy").GetBoolean());
        Assert.Contains("missed gates", gates.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(await RunningStation.EventuallyAsync(() => station.ReadLog().Contains("Missed gates:", StringComparison.Ordinal), Timeout));

        // Also an alarm that does not stop sorting, on the retained alarm topic and in the one health message beside gateTiming.
        var alarms = station.Get<StationAlarms>();
        Assert.True(await RunningStation.EventuallyAsync(() => alarms.Snapshot().Active.Any(a => a.Code == AlarmCodes.MissedGate), Timeout), "no missed-gate alarm");
        Assert.False(alarms.Snapshot().Active.Single(a => a.Code == AlarmCodes.MissedGate).StopsSorting);
        using (var alarm = await RetainedMessage.ReadAsync(station.BrokerUri, "sortstation/station-01/alarm"))
        {
            Assert.Contains(alarm.RootElement.GetProperty("alarms").EnumerateArray(), a => a.GetProperty("code").GetString() == AlarmCodes.MissedGate && !a.GetProperty("stopsSorting").GetBoolean());
        }

        var message = await station.Get<HealthPublisher>().SnapshotAsync(default);
        Assert.True(message.GateTiming?.MissedGates > 0);
        Assert.Contains(message.Alarms, a => a.Code == AlarmCodes.MissedGate);
        Assert.Contains("sortstation_alarm_active{code=\"missed-gate\"} 1", await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics")), StringComparison.Ordinal);
    }


    private static Dictionary<string, string?> Enabled(int port) => new()
    {
        ["Health:Enabled"] = "true",
        ["Health:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
