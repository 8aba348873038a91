using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using SortStation.Central.Storage;
using SortStation.Testing;

namespace SortStation.Central.Web.Bench;

/// <summary>
/// The console's benchmark (issue 23):
///   seed  --provider sqlite|postgres [--weighings 1000000] [--stations 20] [--days 90] [--dir DIR]
///   load  --provider sqlite|postgres [--clients 16] [--seconds 20] [--dir DIR] [--out FILE]
/// seed fills a database through the real store (the hourly rollup kept as ingest keeps it); load starts
/// sortstation-central run on it as a child process and measures /api/summary (30 days) and the first weighings
/// page at N concurrent clients, then the CSV export of every row while sampling the server's RSS.
/// PostgreSQL: a throw-away server in DIR/pg (initdb, as the tests do), kept between seed and load.
/// </summary>
public static class ConsoleBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        Directory.CreateDirectory(options.Dir);
        return options.Command switch
        {
            "seed" => await SeedAsync(options),
            "load" => await LoadAsync(options),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: seed|load --provider sqlite|postgres [--weighings N] [--stations N] [--days N] [--clients N] [--seconds N] [--dir DIR] [--out FILE]");
        return 2;
    }

    private static async Task<int> SeedAsync(BenchOptions o)
    {
        using var db = await BenchDatabase.OpenAsync(o, fresh: true);
        var store = new SqlWeighingStore(db.Dialect, TimeProvider.System);
        await store.MigrateAsync(default);
        var now = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        var stored = await BulkSeed.WriteAsync(db.Dialect, SeededWeighings.Create(o.Weighings, o.Stations, now.AddDays(-o.Days), now.AddMinutes(-1)), default);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed: {stored:N0} weighings, {o.Stations} stations, {o.Days} days into {o.Provider} in {watch.Elapsed.TotalSeconds:N1} s"));
        return 0;
    }

    private static async Task<int> LoadAsync(BenchOptions o)
    {
        using var db = await BenchDatabase.OpenAsync(o, fresh: false);
        await using var server = await ConsoleServer.StartAsync(o, db);
        var results = new Dictionary<string, object>
        {
            ["provider"] = o.Provider,
            ["clients"] = o.Clients,
            ["seconds"] = o.Seconds,
            ["machine"] = $"{Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at start",
        };
        foreach (var (name, path) in new[] { ("summary30d", "/api/summary?period=30d"), ("weighingsFirstPage", "/api/weighings") })
        {
            var result = await LoadGenerator.RunAsync(server.Client, path, o.Clients, TimeSpan.FromSeconds(o.Seconds), server.CpuSeconds);
            results[name] = result;
            Console.WriteLine($"{o.Provider} {path}: {result}");
        }

        var export = await CsvExport.MeasureAsync(server);
        results["csvExport"] = export;
        Console.WriteLine($"{o.Provider} /api/weighings.csv: {export}");
        if (o.Out is { } file)
        {
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
        }

        return 0;
    }
}

/// <summary>The database of a run: a SQLite file, or a PostgreSQL server kept in DIR/pg between seed and load.</summary>
internal sealed class BenchDatabase : IDisposable
{
    private readonly Action? _stop;

    private BenchDatabase(ISqlDialect dialect, Dictionary<string, string?> settings, Action? stop)
    {
        Dialect = dialect;
        Settings = settings;
        _stop = stop;
    }

    public ISqlDialect Dialect { get; }

    public Dictionary<string, string?> Settings { get; }

    public static async Task<BenchDatabase> OpenAsync(BenchOptions o, bool fresh)
    {
        if (o.Provider == "sqlite")
        {
            var path = Path.Combine(o.Dir, "console-bench.db");
            if (fresh)
            {
                foreach (var f in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
                {
                    File.Delete(f);
                }
            }

            return new BenchDatabase(new SqliteDialect(path), new() { ["Storage:Provider"] = "Sqlite", ["Storage:SqlitePath"] = path }, null);
        }

        var pg = await PgCluster.StartAsync(Path.Combine(o.Dir, "pg"), fresh);
        return new BenchDatabase(new PostgresDialect(pg.ConnectionString, null), new() { ["Storage:Provider"] = "Postgres", ["Storage:PostgresConnectionString"] = pg.ConnectionString }, pg.Stop);
    }

    public void Dispose()
    {
        Dialect.Dispose();
        NpgsqlConnection.ClearAllPools();
        _stop?.Invoke();
    }
}
