using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SortStation.Central.Ingest;
using SortStation.Central.Hosting;

namespace SortStation.Central.Tests.Support;

/// <summary>Builds the real central host (all layers of appsettings.json) with test overrides.</summary>
public static class CentralHosts
{
    public static Dictionary<string, string?> Settings(Uri broker, string sqlitePath, string instanceId = "central-test") => new()
    {
        ["Central:InstanceId"] = instanceId,
        ["Mqtt:Broker"] = broker.ToString(),
        ["Mqtt:ReconnectMinSeconds"] = "0.2",
        ["Mqtt:ReconnectMaxSeconds"] = "1",
        ["Storage:Provider"] = "Sqlite",
        ["Storage:SqlitePath"] = sqlitePath,
        ["Clustering:Enabled"] = "false",
        ["Clustering:ReportDirectory"] = null,
        ["Serilog:WriteTo:1:Args:path"] = Path.Combine(Path.GetDirectoryName(sqlitePath)!, "logs", "central-.log"),
        // The console too, on a port of its own (several hosts run at once here).
        ["Web:Urls"] = "http://127.0.0.1:0",
        ["Web:KeysDirectory"] = Path.Combine(Path.GetDirectoryName(sqlitePath)!, $"keys-{instanceId}"),
    };

    public static async Task<IHost> StartAsync(Dictionary<string, string?> settings, TimeProvider? time = null)
    {
        var host = CentralHostBuilder.Build(null, settings, time);
        await host.StartAsync();
        // The first subscription must exist before the stations publish (the broker keeps nothing before it).
        var ingest = host.Services.GetRequiredService<MqttIngestService>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!ingest.IsSubscribed && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(ingest.IsSubscribed, "central did not subscribe within 15 s");
        return host;
    }
}
