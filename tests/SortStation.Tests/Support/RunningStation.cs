using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SortStation.Contracts;
using SortStation.Demo;
using SortStation.Hosting;
using SortStation.Mqtt;

namespace SortStation.Tests.Support;

/// <summary>
/// The real station host in-process (StationHostBuilder.Build) on simulated hardware with an endless
/// trigger, an embedded broker and a subscriber, configured through a --config file the test rewrites.
/// </summary>
public sealed class RunningStation : IAsyncDisposable
{
    private readonly EmbeddedBroker _broker;
    private readonly WeighingSubscriber _subscriber;

    private RunningStation(string folder, string configFile, EmbeddedBroker broker, WeighingSubscriber subscriber, IHost host)
    {
        Folder = folder;
        ConfigFile = configFile;
        _broker = broker;
        _subscriber = subscriber;
        Host = host;
    }

    public string Folder { get; }

    public string ConfigFile { get; }

    public string LogFile => Path.Combine(Folder, "station.log");

    public IHost Host { get; }

    public Uri BrokerUri => _broker.Uri;

    /// <summary>The station's log file so far (Serilog keeps it open for writing).</summary>
    public string ReadLog()
    {
        if (!File.Exists(LogFile))
        {
            return string.Empty;
        }

        using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public IReadOnlyCollection<WeighingRecord> Records => _subscriber.Records;

    public T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>Starts the station with <paramref name="config"/> as its --config file.</summary>
    public static async Task<RunningStation> StartAsync(JsonObject config, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var folder = Directory.CreateTempSubdirectory("sortstation-ops-").FullName;
        var configFile = Path.Combine(folder, "station.json");
        await File.WriteAllTextAsync(configFile, config.ToJsonString());
        var broker = await EmbeddedBroker.StartAsync();
        var overrides = new Dictionary<string, string?>
        {
            ["Station:Hardware"] = "Simulated",
            ["Simulation:Items"] = "0",
            ["Simulation:ItemIntervalMilliseconds"] = "40",
            ["Mqtt:Broker"] = broker.Uri.ToString(),
            ["Outbox:Kind"] = "Memory",
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(folder, "station.log"),
            ["Serilog:WriteTo:1:Args:rollingInterval"] = "Infinite",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var host = StationHostBuilder.Build(new FileInfo(configFile), overrides);
        var stationId = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SortStation.Core.Options.StationOptions>>().Value.Id;
        var subscriber = await WeighingSubscriber.ConnectAsync(broker.Uri, "sortstation", stationId);
        await host.StartAsync();
        return new RunningStation(folder, configFile, broker, subscriber, host);
    }

    /// <summary>Rewrites the --config file; the station reloads it like a technician's save.</summary>
    /// <summary>
    /// Replaces the config file atomically (write beside it, then rename), as editors do: an in-place
    /// rewrite can be seen truncated by the file watcher and, on a loaded machine, reloaded half-written.
    /// </summary>
    public async Task RewriteConfigAsync(JsonObject config)
    {
        var temporary = ConfigFile + ".tmp";
        await File.WriteAllTextAsync(temporary, config.ToJsonString());
        File.Move(temporary, ConfigFile, overwrite: true);
    }

    /// <summary>Polls until <paramref name="condition"/> holds or the timeout passes.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return condition();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        await _subscriber.DisposeAsync();
        await _broker.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A log file still open on a slow stop; the temp folder is cleaned by the OS.
        }
    }
}
