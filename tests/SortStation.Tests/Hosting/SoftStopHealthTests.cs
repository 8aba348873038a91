using System.Net;
using System.Text.Json;
using SortStation.Core.Alarms;

namespace SortStation.Tests.Hosting;

/// <summary>How a jam and an idle belt show to a technician on the real station host: /healthz, /metrics and the MQTT alarm topic.</summary>
public sealed class SoftStopHealthTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60); // returns as soon as the condition holds

    [Fact]
    public async Task SimulatedJam_HealthJamMetricAndRetainedAlarm_ThenClearsByItself()
    {
        var port = FreePort.Next();
        await using var station = await StartAsync(port, ("Simulation:JamAfterItems", "5"), ("Simulation:JamHoldSeconds", "6"), ("Trigger:JamSeconds", "1"));
        var alarms = station.Get<StationAlarms>();
        using var http = new HttpClient();

        Assert.True(await RunningStation.EventuallyAsync(() => alarms.IsStopped, Timeout), "no jam");
        using (var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz")))
        using (var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var sorting = health.RootElement.GetProperty("checks").GetProperty("sorting");
            Assert.False(sorting.GetProperty("healthy").GetBoolean());
            // Other alarms may stand beside the jam on a busy machine (a gate fire lost to a late thread): the
            // state word comes first, then each active alarm's sentence.
            var detail = sorting.GetProperty("detail").GetString();
            Assert.StartsWith("jam; ", detail, StringComparison.Ordinal);
            Assert.Contains("jam: the simulated photo-eye", detail, StringComparison.Ordinal);
        }

        using (var alarm = await ReadRetainedAlarmAsync(station.BrokerUri))
        {
            Assert.Contains("jam", Codes(alarm));
        }

        var recorded = station.Records.Count;
        Assert.True(await RunningStation.EventuallyAsync(() => !alarms.IsStopped && station.Records.Count > recorded, Timeout), "no sorting after the jam cleared");
        var metrics = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
        Assert.Contains("sortstation_alarms_total{code=\"jam\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("sortstation_alarm_active{code=\"jam\"} 0", metrics, StringComparison.Ordinal);
        Assert.True(await AlarmTopicClearsAsync(station.BrokerUri), "the retained alarm still lists the jam");
        Assert.True(await RunningStation.EventuallyAsync(() => SortingHealthy(http, port), Timeout), "/healthz sorting check not healthy again");
    }

    [Fact]
    public async Task NoItemForIdleSeconds_HealthySaysIdleAndCountsIt()
    {
        var port = FreePort.Next();
        await using var station = await StartAsync(port, ("Simulation:ItemIntervalMilliseconds", "60000"), ("Trigger:IdleSeconds", "10"));
        using var http = new HttpClient();
        var idle = station.Get<IdleWatch>();

        Assert.True(await RunningStation.EventuallyAsync(() => idle.IsIdle, Timeout), "never idle");

        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var sorting = health.RootElement.GetProperty("checks").GetProperty("sorting");
        Assert.True(sorting.GetProperty("healthy").GetBoolean());
        Assert.Matches(@"^idle: no item for 1\d s \(Trigger:IdleSeconds = 10\)$", sorting.GetProperty("detail").GetString());
        var metrics = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
        Assert.Contains("sortstation_idle 1", metrics, StringComparison.Ordinal);
        Assert.Contains("sortstation_idle_periods_total 1", metrics, StringComparison.Ordinal);
    }

    /// <summary>Reads the retained alarm until it no longer lists the jam (it is republished just after the clear).</summary>
    private static async Task<bool> AlarmTopicClearsAsync(Uri broker)
    {
        var until = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < until)
        {
            using var alarm = await ReadRetainedAlarmAsync(broker);
            if (!Codes(alarm).Contains("jam") && !alarm.RootElement.GetProperty("stopped").GetBoolean())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static string[] Codes(JsonDocument alarm) =>
        [.. alarm.RootElement.GetProperty("alarms").EnumerateArray().Select(a => a.GetProperty("code").GetString() ?? "")];

    /// <summary>The sorting check only: a lost gate fire on a busy machine may leave the gates check unhealthy, which is not what this test is about.</summary>
    private static bool SortingHealthy(HttpClient http, int port)
    {
        using var response = http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz")).GetAwaiter().GetResult();
        using var health = JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
        return health.RootElement.GetProperty("checks").GetProperty("sorting").GetProperty("healthy").GetBoolean();
    }

    private static Task<JsonDocument> ReadRetainedAlarmAsync(Uri broker) => RetainedMessage.ReadAsync(broker, "sortstation/station-01/alarm");

    /// <summary>The station with /healthz and /metrics on <paramref name="port"/> and <paramref name="settings"/> on top.</summary>
    private static Task<RunningStation> StartAsync(int port, params (string Key, string Value)[] settings)
    {
        var extra = new Dictionary<string, string?>
        {
            ["Health:Enabled"] = "true",
            ["Health:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),

            // Items no closer than a photo-eye lets them be (Trigger:MinSpacingMilliseconds): the gates keep up, so
            // no missed-gate alarm or unhealthy gates check mixes into what these tests read.
            ["Simulation:ItemIntervalMilliseconds"] = "150",
        };
        foreach (var (key, value) in settings)
        {
            extra[key] = value;
        }

        return RunningStation.StartAsync(StationConfig.With(), extra);
    }
}
