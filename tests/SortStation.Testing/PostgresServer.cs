using System.Diagnostics;

namespace SortStation.Testing;

/// <summary>
/// A throw-away PostgreSQL cluster (initdb + pg_ctl) in a temp dir on a free loopback port, trust
/// authentication. initdb refuses root, so as root the server runs as the 'postgres' user (runuser).
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string _dir;
    private readonly string _bin;

    private PostgresServer(string bin)
    {
        _bin = bin;
        _dir = Directory.CreateTempSubdirectory("sortstation-pg-").FullName;
        Port = FreePort.Next();
        if (IsRoot)
        {
            Run("chown", ["-R", "postgres:postgres", _dir], asPostgres: false);
        }

        Run(Path.Combine(_bin, "initdb"), ["-D", DataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
        Run(Path.Combine(_bin, "pg_ctl"), ["-D", DataDir, "-l", Path.Combine(_dir, "server.log"), "-w", "-t", "60", "-o", $"-p {Port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync=off", "start"]);
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true";

    private string DataDir => Path.Combine(_dir, "data");

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Why no server can be started here (binaries or the service user missing), or null.</summary>
    public static string? Unavailable()
    {
        if (BinDirectory() is null)
        {
            return "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin (install the Debian package postgresql; scripts/setup.sh does).";
        }

        return IsRoot && !File.ReadLines("/etc/passwd").Any(l => l.StartsWith("postgres:", StringComparison.Ordinal))
            ? "running as root and there is no 'postgres' user to run initdb as (install the Debian package postgresql)."
            : null;
    }

    public static PostgresServer Start() =>
        new(BinDirectory() ?? throw new InvalidOperationException(Unavailable()));

    public void Dispose()
    {
        try
        {
            Run(Path.Combine(_bin, "pg_ctl"), ["-D", DataDir, "-m", "immediate", "-w", "stop"]);
        }
        catch (InvalidOperationException)
        {
        }

        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string? BinDirectory() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;

    private void Run(string file, IReadOnlyList<string> args, bool asPostgres = true)
    {
        var info = asPostgres && IsRoot ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. args]) : new ProcessStartInfo(file, args);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.WorkingDirectory = _dir;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_dir, "server.log");
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {stderr} {stdout.Result} {(File.Exists(log) ? File.ReadAllText(log) : string.Empty)}");
        }
    }
}
