using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SortStation.Central.Accounts;
using SortStation.Central.Hosting;
using SortStation.Central.Ingest;
using SortStation.Central.Recluster;
using SortStation.Central.Storage;
using SortStation.Central.Web.Auth;
using SortStation.Kernel.Hosting;
using SortStation.Mqtt;

namespace SortStation.Central.Demo;

/// <summary>
/// The whole system on one machine: an embedded MQTT broker, central with SQLite and the console, two simulated
/// stations with different ids sorting N items between them, then the summaries and the console's address.
/// Everything it stores lives in a temp folder removed at the end.
/// </summary>
internal sealed class FleetDemo(FleetDemoSettings settings, TextWriter output, TextWriter error)
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(60);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("sortstation-fleet-demo-").FullName;
        try
        {
            return await RunCoreAsync(folder, ct);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<int> RunCoreAsync(string folder, CancellationToken ct)
    {
        await using var broker = await EmbeddedBroker.StartAsync(ct: ct);
        IHost central;
        try
        {
            central = CentralHostBuilder.Build(null, Overrides(folder, broker.Uri));
            await central.StartAsync(ct);
        }
#pragma warning disable CA1031 // Every start failure is reported with its exit code.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            if (ex is IOException { InnerException: System.Net.Sockets.SocketException })
            {
                await error.WriteLineAsync($"The console cannot listen on {settings.Urls} ({ex.Message}); choose another address with --urls http://127.0.0.1:8090.");
                return StartupFailure.Failed;
            }

            return StartupFailure.Report(ex, error, CentralHostBuilder.NotStarted);
        }

        using (central)
        {
            await WaitSubscribedAsync(central.Services.GetRequiredService<MqttIngestService>(), ct);
            var password = Password();
            await central.Services.GetRequiredService<AccountService>().AddUserAsync("demo", ConsoleRole.Admin, password, ct);
            await output.WriteLineAsync($"Broker:  embedded MQTT at {broker.Uri}");
            await output.WriteLineAsync($"Console: {settings.Urls} (user demo, password {password})");
            var ok = await SortAsync(folder, broker.Uri, ct);
            ok &= await ReportCentralAsync(central, ct);
            await output.WriteLineAsync();
            await output.WriteLineAsync(settings.Exit
                ? $"Console was at {settings.Urls}; stopped (--exit)."
                : $"Console: {settings.Urls} (user demo, password printed above). Ctrl+C stops the demo.");
            if (!settings.Exit)
            {
                await Task.Delay(Timeout.Infinite, ct).ContinueWith(static _ => { }, TaskScheduler.Default);
            }

            await central.StopAsync(CancellationToken.None);
            return ok ? 0 : StartupFailure.Failed;
        }
    }

    private async Task<bool> SortAsync(string folder, Uri broker, CancellationToken ct)
    {
        var ids = new[] { "station-01", "station-02" };
        await output.WriteLineAsync($"Sorting {settings.Items} items on {string.Join(" and ", ids)} (logs in the demo folder) …");
        var children = ids.Select((id, i) => StationChild.Start(
            settings.Station, id, broker, (settings.Items / ids.Length) + (i < settings.Items % ids.Length ? 1 : 0), settings.Images, Path.Combine(folder, $"{id}.log"))).ToList();
        var ok = true;
        foreach (var child in children)
        {
            var (code, summary) = await child.WaitAsync(ct);
            await output.WriteLineAsync();
            await output.WriteLineAsync($"== {child.StationId} ==");
            await output.WriteAsync(summary);
            if (code != 0)
            {
                await output.WriteLineAsync($"({child.StationId} exited {code}; its log: {Path.Combine(folder, child.StationId + ".log")})");
                ok = false;
            }
        }

        return ok;
    }

    private async Task<bool> ReportCentralAsync(IHost central, CancellationToken ct)
    {
        var store = central.Services.GetRequiredService<IWeighingStore>();
        var deadline = TimeProvider.System.GetTimestamp();
        IngestStats stats;
        while ((stats = await store.ReadStatsAsync(ct)).Stored < settings.Items && TimeProvider.System.GetElapsedTime(deadline) < DeliveryTimeout)
        {
            await Task.Delay(200, ct);
        }

        var result = await central.Services.GetRequiredService<ReclusterRunner>().RunOnceAsync("demo", ct);
        await output.WriteLineAsync();
        await output.WriteLineAsync("== central ==");
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"stored {stats.Stored} of {settings.Items} weighings from {stats.PerStation.Count} stations, {stats.DuplicatesDropped} duplicates dropped, {stats.MalformedRejected} rejected"));
        foreach (var station in stats.PerStation)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {station.Key,-12} {station.Weighings,6} weighings {station.TotalWeightKg,10:F3} kg"));
        }

        await output.WriteLineAsync(result is null
            ? "clustering: not enough item types yet"
            : string.Create(CultureInfo.InvariantCulture, $"clustering: k = {result.ChosenK} over {result.Records} station/item-type groups, silhouette {result.Silhouette:F3}"));
        return stats.Stored == settings.Items;
    }

    private static async Task WaitSubscribedAsync(MqttIngestService ingest, CancellationToken ct)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!ingest.IsSubscribed)
        {
            if (TimeProvider.System.GetElapsedTime(started) > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("central did not subscribe to the embedded broker within 30 s");
            }

            await Task.Delay(50, ct);
        }
    }

    // 12 characters from an alphabet without look-alikes (no 0/O, 1/l/I): about 70 bits, easy to type once.
    private static string Password() =>
        string.Create(12, 0, (chars, _) =>
        {
            const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
        });

    private Dictionary<string, string?> Overrides(string folder, Uri broker) => new()
    {
        ["Central:InstanceId"] = "central-demo",
        ["Central:RequireRegisteredStations"] = "false",
        ["Mqtt:Broker"] = broker.ToString(),
        ["Mqtt:SharedGroup"] = string.Empty, // the embedded broker has no shared subscriptions
        ["Mqtt:ReconnectMinSeconds"] = "0.2",
        ["Storage:Provider"] = "Sqlite",
        ["Storage:SqlitePath"] = Path.Combine(folder, "central.db"),
        ["Clustering:GroupBy"] = "station,label",
        ["Clustering:ReportDirectory"] = Path.Combine(folder, "report"),
        ["Web:Enabled"] = "true",
        ["Web:Urls"] = settings.Urls,
        ["Web:KeysDirectory"] = Path.Combine(folder, "keys"),
        ["Health:Enabled"] = "false",
        // The demo prints its own summary: central logs only warnings, to its file in the demo folder.
        ["Serilog:MinimumLevel:Default"] = "Warning",
        ["Serilog:WriteTo:0:Args:restrictedToMinimumLevel"] = "Error",
        ["Serilog:WriteTo:1:Args:path"] = Path.Combine(folder, "logs", "central-.log"),
    };
}

/// <summary>What <c>sortstation-central demo</c> was asked for.</summary>
internal sealed record FleetDemoSettings(int Items, string Station, string Urls, bool Exit, DirectoryInfo? Images);
