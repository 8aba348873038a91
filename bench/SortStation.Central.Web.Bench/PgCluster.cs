using System.Diagnostics;
using System.Globalization;

namespace SortStation.Central.Web.Bench;

/// <summary>
/// A PostgreSQL cluster of the benchmark's own in DIR (initdb + pg_ctl on a loopback port, trust auth; as root it
/// runs as the 'postgres' user), kept between <c>seed</c> and <c>load</c> and stopped after each.
/// </summary>
internal sealed class PgCluster
{
    private readonly string _dir;
    private readonly string _bin;

    private PgCluster(string dir, string bin, int port)
    {
        _dir = dir;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=32";

    private static bool IsRoot => Environment.UserName == "root";

    public static Task<PgCluster> StartAsync(string dir, bool fresh)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL binaries not found under /usr/lib/postgresql (scripts/setup.sh installs them)");
        if (fresh && Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        var portFile = Path.Combine(dir, "port");
        var created = !File.Exists(portFile);
        Directory.CreateDirectory(dir);
        var port = created ? SortStation.Testing.FreePort.Next() : int.Parse(File.ReadAllText(portFile), CultureInfo.InvariantCulture);
        var cluster = new PgCluster(dir, bin, port);
        if (IsRoot)
        {
            Run("chown", ["-R", "postgres:postgres", dir], asPostgres: false, dir);
        }

        if (created)
        {
            cluster.Pg("initdb", ["-D", cluster.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
            File.WriteAllText(portFile, port.ToString(CultureInfo.InvariantCulture));
        }

        cluster.Pg("pg_ctl", ["-D", cluster.Data, "-l", Path.Combine(dir, "server.log"), "-w", "-t", "120", "-o", $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100", "start"]);
        return Task.FromResult(cluster);
    }

    public void Stop() => Pg("pg_ctl", ["-D", Data, "-m", "fast", "-w", "stop"]);

    private string Data => Path.Combine(_dir, "data");

    private void Pg(string tool, IReadOnlyList<string> args) => Run(Path.Combine(_bin, tool), args, asPostgres: true, _dir);

    private static void Run(string file, IReadOnlyList<string> args, bool asPostgres, string dir)
    {
        var info = asPostgres && IsRoot ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. args]) : new ProcessStartInfo(file, args);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.WorkingDirectory = dir;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {stderr} {stdout.Result}");
        }
    }
}
