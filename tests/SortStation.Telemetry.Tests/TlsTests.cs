using Microsoft.Extensions.Logging;
using SortStation.Telemetry.Tests.Support;

namespace SortStation.Telemetry.Tests;

/// <summary>mqtts:// with a CA made at test time, a client certificate and a password file, against mosquitto.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class TlsTests : IDisposable
{
    private const string User = "station-tls";
    private const string Password = "correct-horse-battery";
    private readonly TempDir _dir = new();
    private readonly TestCertificates _pki;
    private readonly MosquittoBroker _broker;

    public TlsTests()
    {
        MosquittoBroker.RequireInstalled();
        _pki = TestCertificates.Create(_dir.Path, User, Password);
        _broker = MosquittoBroker.Run("test-tls.conf", new Dictionary<string, string>
        {
            ["CA_FILE"] = _pki.CaFile,
            ["CERT_FILE"] = _pki.ServerCertificate,
            ["KEY_FILE"] = _pki.ServerKey,
            ["PASSWORD_FILE"] = _pki.PasswordFile,
        });
    }

    public void Dispose()
    {
        _broker.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Publish_TlsWithRightPassword_BrokerAcknowledges()
    {
        using var outbox = Publishers.Outbox(_dir.File("outbox.db"));
        using var publisher = Publishers.Publisher(outbox, Options(PasswordFile(Password)));
        for (var i = 0; i < 5; i++)
        {
            await outbox.EnqueueAsync(Weighings.Create("tls", i));
        }

        await publisher.StartAsync(CancellationToken.None);
        await outbox.WaitUntilDrainedAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await publisher.StopAsync(CancellationToken.None);

        Assert.Equal(5, publisher.Acknowledged);
    }

    [Fact]
    public async Task Connect_WrongPassword_LogsOneClearErrorAndKeepsBackingOff()
    {
        const string wrong = "wrong-password-123";
        var log = new ListLogger<MqttPublisher>();
        using var outbox = Publishers.Outbox(_dir.File("outbox.db"));
        var options = Options(PasswordFile(wrong));
        options.ReconnectMinSeconds = 0.5;
        options.ReconnectMaxSeconds = 1;
        using var publisher = Publishers.Publisher(outbox, options, log);
        await outbox.EnqueueAsync(Weighings.Create("tls-wrong", 0));

        await publisher.StartAsync(CancellationToken.None);
        // The sentinel: the third attempt starts only after the first two failed and were handled (and logged, if at all).
        Assert.True(await Eventually.TrueAsync(() => Attempts(log).Length >= 3, TimeSpan.FromSeconds(30)), "fewer than 3 connection attempts");
        var running = publisher.ExecuteTask is { IsCompleted: false };
        await publisher.StopAsync(CancellationToken.None);

        var errors = log.Entries.Where(e => e.Level == LogLevel.Error).ToArray();
        var error = Assert.Single(errors);
        Assert.Matches("BadUserNameOrPassword|NotAuthorized", error.Message);
        Assert.Contains("Mqtt:PasswordFile", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(log.Entries, e => e.Message.Contains(wrong, StringComparison.Ordinal));
        Assert.True(running, "the publisher stopped retrying");
        Assert.Equal(0, publisher.Acknowledged);
        Assert.Equal(1, outbox.Pending);

        // Attempts are spaced by at least the back-off minimum (0.5 s): no tight reconnect loop.
        var attempts = Attempts(log);
        Assert.InRange(attempts.Length, 2, 11);
        Assert.All(attempts.Zip(attempts.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(0.45), $"attempts {(pair.Second - pair.First).TotalMilliseconds:F0} ms apart"));
    }

    private static DateTimeOffset[] Attempts(ListLogger<MqttPublisher> log) =>
        [.. log.Entries.Where(e => e.Message.StartsWith("Connecting to MQTT broker", StringComparison.Ordinal)).Select(e => e.At)];

    private MqttOptions Options(string passwordFile)
    {
        var options = Publishers.Options(new Uri($"mqtts://127.0.0.1:{_broker.Port}"), "tls");
        options.Username = User;
        options.PasswordFile = passwordFile;
        options.CaFile = _pki.CaFile;
        options.ClientCertificateFile = _pki.ClientCertificate;
        options.ClientKeyFile = _pki.ClientKey;
        Assert.True(new MqttOptionsValidator().Validate(null, options).Succeeded);
        return options;
    }

    private string PasswordFile(string password)
    {
        var path = _dir.File($"password-{Guid.NewGuid():N}");
        File.WriteAllText(path, password + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }
}
