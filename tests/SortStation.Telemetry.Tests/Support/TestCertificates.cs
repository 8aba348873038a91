using System.Diagnostics;

namespace SortStation.Telemetry.Tests.Support;

/// <summary>
/// A throw-away PKI made with openssl at test time: a CA, a server certificate for 127.0.0.1/localhost
/// and a client certificate, all PEM, plus a mosquitto password file.
/// </summary>
public sealed class TestCertificates
{
    private TestCertificates(string dir)
    {
        CaFile = System.IO.Path.Combine(dir, "ca.crt");
        ServerCertificate = System.IO.Path.Combine(dir, "server.crt");
        ServerKey = System.IO.Path.Combine(dir, "server.key");
        ClientCertificate = System.IO.Path.Combine(dir, "client.crt");
        ClientKey = System.IO.Path.Combine(dir, "client.key");
        PasswordFile = System.IO.Path.Combine(dir, "passwd");
    }

    public string CaFile { get; }

    public string ServerCertificate { get; }

    public string ServerKey { get; }

    public string ClientCertificate { get; }

    public string ClientKey { get; }

    /// <summary>mosquitto_passwd file with the user and password given to <see cref="Create"/>.</summary>
    public string PasswordFile { get; }

    public static TestCertificates Create(string dir, string user, string password)
    {
        var pki = new TestCertificates(dir);
        File.WriteAllText(Path.Combine(dir, "server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
        File.WriteAllText(Path.Combine(dir, "client.ext"), "extendedKeyUsage=clientAuth\n");
        Run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=SortStation Test CA");
        foreach (var (name, subject) in new[] { ("server", "/CN=localhost"), ("client", "/CN=station-tls") })
        {
            Run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", $"{name}.key", "-out", $"{name}.csr", "-subj", subject);
            Run(dir, "openssl", "x509", "-req", "-in", $"{name}.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out", $"{name}.crt", "-days", "2", "-extfile", $"{name}.ext");
        }

        Run(dir, "mosquitto_passwd", "-b", "-c", "passwd", user, password);
        return pki;
    }

    private static void Run(string dir, string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool, args) { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"{tool} not found ({ex.Message}): run scripts/setup.sh (Debian packages openssl and mosquitto).", ex);
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed: {error.Result}");
            }
        }
    }
}
