using System.Net;
using System.Text.Json;
using SortStation.Operations.Tests.Support;

namespace SortStation.Operations.Tests;

/// <summary>/healthz and /metrics of the real station host, read over HTTP.</summary>
public sealed class StationHealthTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60); // returns as soon as the condition holds

    [Fact]
    public async Task Healthz_RunningStationWithBroker_200WithEveryComponent()
    {
        var port = FreePort.Next();
        await using var station = await RunningStation.StartAsync(StationConfig.With(), Enabled(port));
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

    private static Dictionary<string, string?> Enabled(int port) => new()
    {
        ["Health:Enabled"] = "true",
        ["Health:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
