using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SortStation.Testing;

/// <summary>
/// A real mosquitto on a free loopback port, configured from a template in scripts/mosquitto, with
/// persistence in a temp dir. <see cref="Stop"/> sends SIGTERM (mosquitto saves its sessions) and
/// <see cref="Start"/> brings it back on the same port; Dispose kills it and removes the dir.
/// </summary>
public sealed class MosquittoBroker : IDisposable
{
    public const string Binary = "/usr/sbin/mosquitto";
    private readonly string _config;
    private Process? _process;

    private MosquittoBroker(string template, IReadOnlyDictionary<string, string> values, IEnumerable<string> extraLines)
    {
        RequireInstalled();
        DataDir = Directory.CreateTempSubdirectory("sortstation-mosquitto-").FullName;
        Port = FreePort.Next();
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "mosquitto", template))
            .Replace("{{PORT}}", Port.ToString(), StringComparison.Ordinal)
            .Replace("{{DATA_DIR}}", DataDir, StringComparison.Ordinal)
            .Replace("{{USER}}", Environment.UserName, StringComparison.Ordinal);
        foreach (var (key, value) in values)
        {
            text = text.Replace("{{" + key + "}}", value, StringComparison.Ordinal);
        }

        _config = Path.Combine(DataDir, "mosquitto.conf");
        File.WriteAllText(_config, string.Join('\n', [text, .. extraLines, string.Empty]));
    }

    public int Port { get; }

    public string DataDir { get; }

    public bool IsRunning => _process is { HasExited: false };

    public Uri Uri => new($"mqtt://127.0.0.1:{Port}");

    public string Log => File.Exists(Path.Combine(DataDir, "mosquitto.log")) ? File.ReadAllText(Path.Combine(DataDir, "mosquitto.log")) : string.Empty;

    /// <summary>Creates the broker from a template (test.conf, test-tls.conf), plus any extra lines (e.g. "log_type debug"), without starting it.</summary>
    public static MosquittoBroker Create(string template = "test.conf", IReadOnlyDictionary<string, string>? values = null, IEnumerable<string>? extraLines = null) =>
        new(template, values ?? new Dictionary<string, string>(), extraLines ?? []);

    public static MosquittoBroker Run(string template = "test.conf", IReadOnlyDictionary<string, string>? values = null, IEnumerable<string>? extraLines = null)
    {
        var broker = Create(template, values, extraLines);
        broker.Start();
        return broker;
    }

    /// <summary>Fails with the fix when mosquitto is missing: these tests must not be skipped silently.</summary>
    public static void RequireInstalled()
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} not found: the telemetry tests need a real MQTT broker. Run scripts/setup.sh (it installs the Debian packages mosquitto, mosquitto-clients and openssl).");
        }
    }

    public void Start()
    {
        if (IsRunning)
        {
            return;
        }

        _process = Process.Start(new ProcessStartInfo(Binary, ["-c", _config]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with {_process.ExitCode}: {_process.StandardError.ReadToEnd()} {Log}");
            }

            if (Accepts())
            {
                return;
            }

            Thread.Sleep(50);
        }

        throw new TimeoutException($"mosquitto did not listen on {Port} within 15 s. {Log}");
    }

    /// <summary>SIGTERM, so mosquitto writes its persistence file like a service stop would.</summary>
    public void Stop()
    {
        if (!IsRunning)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process!.Id.ToString()]))
        {
            kill.WaitForExit();
        }

        if (!_process.WaitForExit(10_000))
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        if (IsRunning)
        {
            _process!.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private bool Accepts()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
