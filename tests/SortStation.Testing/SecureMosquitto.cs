using System.Diagnostics;

namespace SortStation.Testing;

/// <summary>
/// mosquitto as scripts/install.sh --broker sets it up: the SHIPPED scripts/mosquitto/sortstation.conf (only
/// {{PORT}} and {{DIR}} filled in) included from test-secure.conf, the shipped ACL, a CA and server certificate
/// made by the shipped make-ca.sh, and a password file (accounts added with mosquitto_passwd, password on stdin).
/// </summary>
public sealed class SecureMosquitto : IDisposable
{
    private readonly MosquittoBroker _broker;

    private SecureMosquitto(IReadOnlyDictionary<string, string> accounts)
    {
        MosquittoBroker.RequireInstalled();
        Dir = Directory.CreateTempSubdirectory("sortstation-secure-").FullName;
        var confDir = Directory.CreateDirectory(Path.Combine(Dir, "conf.d")).FullName;
        var scripts = Path.Combine(AppContext.BaseDirectory, "mosquitto");
        Run("bash", [Path.Combine(scripts, "make-ca.sh"), Dir, "--host", "localhost"], null);
        File.Copy(Path.Combine(scripts, "sortstation.acl"), AclFile);
        File.WriteAllText(PasswordFile, string.Empty);
        foreach (var (user, password) in accounts)
        {
            AddAccount(user, password);
        }

        _broker = MosquittoBroker.Create("test-secure.conf", new Dictionary<string, string> { ["CONF_DIR"] = confDir });
        File.WriteAllText(Path.Combine(confDir, "sortstation.conf"), File.ReadAllText(Path.Combine(scripts, "sortstation.conf"))
            .Replace("{{PORT}}", _broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{DIR}}", Dir, StringComparison.Ordinal));
        _broker.Start();
    }

    /// <summary>The broker's directory (certificates, passwd, acl), as /etc/mosquitto/sortstation in production.</summary>
    public string Dir { get; }

    public string CaFile => Path.Combine(Dir, "ca.crt");

    public string PasswordFile => Path.Combine(Dir, "passwd");

    public string AclFile => Path.Combine(Dir, "acl");

    public string PidFile => Path.Combine(_broker.DataDir, "mosquitto.pid");

    public int Port => _broker.Port;

    /// <summary>The host name the server certificate is made for.</summary>
    public Uri Url => new($"mqtts://localhost:{_broker.Port}");

    public string Log => _broker.Log;

    public static SecureMosquitto Start(IReadOnlyDictionary<string, string> accounts) => new(accounts);

    /// <summary>Adds a broker account as a technician would with mosquitto_passwd (the password on stdin, never on argv); a running broker needs <see cref="Reload"/>.</summary>
    public void AddAccount(string user, string password) => Run("mosquitto_passwd", [PasswordFile, user], $"{password}\n{password}\n");

    /// <summary>SIGHUP, as <c>systemctl reload mosquitto</c>: the password file and ACL are read again.</summary>
    public void Reload() => Run("kill", ["-HUP", File.ReadAllText(PidFile).Trim()], null);

    public void Dispose()
    {
        _broker.Dispose();
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void Run(string tool, string[] args, string? stdin)
    {
        var start = new ProcessStartInfo(tool, args) { RedirectStandardInput = stdin is not null, RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start: run scripts/setup.sh");
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }

        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed: {error.Result}");
        }
    }
}
