using System.Runtime.Versioning;
using System.Text;
using SortStation.Contracts;
using SortStation.Telemetry.Tests.Support;

namespace SortStation.Telemetry.Tests;

/// <summary>
/// The real publisher against the SHIPPED broker configuration (scripts/mosquitto: TLS, passwords, ACL): a
/// station whose user name is its Station:Id publishes its status, weighings and health; with any other user
/// name the broker refuses and the error says which setting to fix.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class SecureBrokerTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly SecureMosquitto _broker = SecureMosquitto.Start(new Dictionary<string, string> { ["station-01"] = "station-01-password" });

    public void Dispose()
    {
        _broker.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Publish_UserNameIsStationId_StatusWeighingsAndHealthAccepted()
    {
        using var outbox = Publishers.Outbox(_dir.File("outbox.db"));
        using var publisher = Publishers.Publisher(outbox, Options("station-01"), stationId: "station-01");
        for (var i = 0; i < 5; i++)
        {
            await outbox.EnqueueAsync(Weighings.Create("secure", i, "station-01"));
        }

        await publisher.StartAsync(CancellationToken.None);
        await outbox.WaitUntilDrainedAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var health = await publisher.TryPublishRetainedAsync(Topics.Health("sortstation", "station-01"), Encoding.UTF8.GetBytes("{}"));
        await publisher.StopAsync(CancellationToken.None);

        Assert.Equal(5, publisher.Acknowledged);
        Assert.True(health, "the broker refused the station's own health topic");
    }

    [Fact]
    public async Task Connect_UserNameNotStationId_RefusedWithTheSettingToFix()
    {
        var log = new ListLogger<MqttPublisher>();
        using var outbox = Publishers.Outbox(_dir.File("outbox.db"));
        using var publisher = Publishers.Publisher(outbox, Options("station-01"), log, stationId: "station-1");
        await outbox.EnqueueAsync(Weighings.Create("mismatch", 0, "station-1"));

        await publisher.StartAsync(CancellationToken.None);
        var refused = await Eventually.TrueAsync(() => publisher.LastError?.Contains("Mqtt:Username must be Station:Id", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(15));
        await publisher.StopAsync(CancellationToken.None);

        Assert.True(refused, $"last error: {publisher.LastError}");
        Assert.Equal(0, publisher.Acknowledged);
        Assert.Equal(1, outbox.Pending); // kept until the settings are fixed
    }

    private MqttOptions Options(string user)
    {
        var password = _dir.File($"{user}.password");
        File.WriteAllText(password, "station-01-password\n");
        File.SetUnixFileMode(password, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var options = Publishers.Options(_broker.Url, "sortstation");
        options.Username = user;
        options.PasswordFile = password;
        options.CaFile = _broker.CaFile;
        return options;
    }
}
