using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using SortStation.Central.Accounts;
using SortStation.Central.Storage;
using SortStation.Central.Web.Auth;

namespace SortStation.Central.Web.Bench;

/// <summary>
/// <c>sortstation-central run</c> as a child process on the benchmark's database (its own RSS is what the CSV
/// export is measured by), with an API key for the load generator.
/// </summary>
internal sealed class ConsoleServer : IAsyncDisposable
{
    private readonly Process _process;

    private ConsoleServer(Process process, HttpClient client)
    {
        _process = process;
        Client = client;
    }

    public HttpClient Client { get; }

    public int Pid => _process.Id;

    public static async Task<ConsoleServer> StartAsync(BenchOptions o, BenchDatabase db)
    {
        var (key, account) = ApiKeys.Create($"bench-{Guid.NewGuid():N}"[..20], ConsoleRole.Viewer, DateTimeOffset.UtcNow);
        await new SqlWeighingStore(db.Dialect, TimeProvider.System).MigrateAsync(default);
        await new SqlAccountStore(db.Dialect).AddApiKeyAsync(account, default);
        var url = $"http://127.0.0.1:{SortStation.Testing.FreePort.Next()}";
        var settings = new Dictionary<string, object?>(db.Settings.ToDictionary(s => s.Key, s => (object?)s.Value))
        {
            ["Mqtt:Broker"] = $"mqtt://127.0.0.1:{SortStation.Testing.FreePort.Next()}",
            ["Mqtt:ReconnectMinSeconds"] = 30,
            ["Mqtt:ReconnectMaxSeconds"] = 60,
            ["Clustering:Enabled"] = false,
            ["Clustering:ReportDirectory"] = null,
            ["Web:Urls"] = url,
            ["Web:KeysDirectory"] = Path.Combine(o.Dir, "keys"),
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(o.Dir, "logs", "central-.log"),
        };
        var config = Path.Combine(o.Dir, "central.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(Nest(settings)));
        var dll = Path.Combine(AppContext.BaseDirectory, "sortstation-central.dll");
        var process = Process.Start(new ProcessStartInfo("dotnet", [dll, "run", "--config", config]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = o.Dir })!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Console.Error.WriteLine($"central: {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Add(ApiKeys.Header, key);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        for (var i = 0; ; i++)
        {
            try
            {
                using var response = await client.GetAsync("/api/me");
                if (response.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException) when (i < 300 && !process.HasExited)
            {
            }

            await Task.Delay(100);
        }

        return new ConsoleServer(process, client);
    }

    /// <summary>
    /// CPU time the server process has used (user + system, from /proc/PID/stat in clock ticks of 1/100 s, the
    /// Linux USER_HZ): per request, the figure that a shared machine's load does not inflate the way latency is.
    /// </summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // after "pid (comm) ": field 3 is fields[0]
        return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>Resident and peak resident memory of the server process (kB), from /proc.</summary>
    public (long RssKb, long PeakKb) Memory()
    {
        long Read(string field) => File.ReadLines($"/proc/{Pid}/status").Where(l => l.StartsWith(field, StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(':')[1].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).First();
        return (Read("VmRSS"), Read("VmHWM"));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static Dictionary<string, object?> Nest(Dictionary<string, object?> flat)
    {
        var root = new Dictionary<string, object?>();
        foreach (var (key, value) in flat)
        {
            var parts = key.Split(':');
            var node = root;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                if (parts[i + 1].All(char.IsDigit))
                {
                    // Serilog:WriteTo:1:Args:path — an array element: write the sink whole.
                    node[parts[i]] = new object[] { new { Name = "Console" }, new { Name = "File", Args = new { path = value } } };
                    node = null;
                    break;
                }

                node = (Dictionary<string, object?>)(node.TryGetValue(parts[i], out var child) && child is Dictionary<string, object?> d ? d : node[parts[i]] = new Dictionary<string, object?>());
            }

            if (node is not null)
            {
                node[parts[^1]] = value;
            }
        }

        return root;
    }
}
