using SortStation.Kernel.Options;
using SortStation.Telemetry.Tests.Support;

namespace SortStation.Telemetry.Tests;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class MqttOptionsValidatorTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Validate_Defaults_Succeeds() => Assert.True(Validate(new MqttOptions()).Succeeded);

    [Fact]
    public void Validate_TlsWithCredentialsAndFiles_Succeeds()
    {
        var options = Tls();
        options.Username = "station";
        options.PasswordFile = Existing("password");

        Assert.True(Validate(options).Succeeded);
    }

    [Theory]
    [InlineData("localhost:1883")]
    [InlineData("http://localhost")]
    public void Validate_BadBroker_NamesKeyAndFix(string broker) =>
        AssertFails(new MqttOptions { Broker = broker }, "Mqtt:Broker", "mqtt://host:port");

    [Theory]
    [InlineData("")]
    [InlineData("a/#")]
    [InlineData("/sortstation")]
    public void Validate_BadTopicPrefix_NamesKeyAndFix(string prefix) =>
        AssertFails(new MqttOptions { TopicPrefix = prefix }, "Mqtt:TopicPrefix", "use sortstation");

    [Fact]
    public void Validate_KeepAliveZero_NamesKeyAndFix() =>
        AssertFails(new MqttOptions { KeepAliveSeconds = 0 }, "Mqtt:KeepAliveSeconds", "use 15");

    [Fact]
    public void Validate_ShortSessionExpiry_NamesKeyAndFix() =>
        AssertFails(new MqttOptions { SessionExpirySeconds = 10 }, "Mqtt:SessionExpirySeconds", "604800");

    [Fact]
    public void Validate_ReconnectMinAboveMax_NamesKeyAndFix() =>
        AssertFails(new MqttOptions { ReconnectMinSeconds = 10, ReconnectMaxSeconds = 5 }, "Mqtt:ReconnectMinSeconds", "use 1 and 60");

    [Fact]
    public void Validate_MaxInFlightZero_NamesKeyAndFix() =>
        AssertFails(new MqttOptions { MaxInFlight = 0 }, "Mqtt:MaxInFlight", "use 64");

    [Fact]
    public void Validate_HealthIntervalZero_NamesKeyAndFix() =>
        AssertFails(new MqttOptions { HealthIntervalSeconds = 0 }, "Mqtt:HealthIntervalSeconds", "use 30");

    [Fact]
    public void Validate_TwoPasswordSources_NamesKeyAndFix() =>
        AssertFails(new MqttOptions { Username = "u", PasswordFile = Existing("pw"), PasswordEnvironmentVariable = "PATH" }, "Mqtt:PasswordEnvironmentVariable", "keep one password source");

    [Fact]
    public void Validate_PasswordWithoutUsername_NamesKeyAndFix() =>
        AssertFails(new MqttOptions { PasswordFile = Existing("pw") }, "Mqtt:Username", "set the user name");

    [Fact]
    public void Validate_MissingPasswordFile_NamesKeyAndFix() =>
        AssertFails(new MqttOptions { Username = "u", PasswordFile = _dir.File("nope") }, "Mqtt:PasswordFile", "create it");

    [Fact]
    public void Validate_UnsetPasswordVariable_NamesKeyAndFix() =>
        AssertFails(new MqttOptions { Username = "u", PasswordEnvironmentVariable = "SORTSTATION_TEST_UNSET_VARIABLE" }, "Mqtt:PasswordEnvironmentVariable", "export it");

    [Fact]
    public void Validate_MissingCaFile_NamesKeyAndFix()
    {
        var options = Tls();
        options.CaFile = _dir.File("nope.crt");

        AssertFails(options, "Mqtt:CaFile", "PEM file");
    }

    [Fact]
    public void Validate_TlsFileWithPlainBroker_NamesKeyAndFix() =>
        AssertFails(new MqttOptions { CaFile = Existing("ca.crt") }, "Mqtt:CaFile", "mqtts://");

    [Fact]
    public void Validate_CertificateWithoutKey_NamesKeyAndFix()
    {
        var options = Tls();
        options.ClientKeyFile = null;

        AssertFails(options, "Mqtt:ClientKeyFile", "both PEM files");
    }

    [Fact]
    public void Validate_PasswordFile_NeverEchoesThePassword()
    {
        var file = Existing("pw");
        File.WriteAllText(file, "s3cret-value");

        var result = Validate(new MqttOptions { PasswordFile = file });

        Assert.DoesNotContain("s3cret-value", result.FailureMessage, StringComparison.Ordinal);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(MqttOptions options) => new MqttOptionsValidator().Validate(null, options);

    private static void AssertFails(MqttOptions options, string key, string fix)
    {
        var result = Validate(options);
        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(key + " = ", failure, StringComparison.Ordinal);
        Assert.Contains("Fix: ", failure, StringComparison.Ordinal);
        Assert.Contains(fix, failure, StringComparison.Ordinal);
    }

    private MqttOptions Tls() => new()
    {
        Broker = "mqtts://broker.plant.local:8883",
        CaFile = Existing("ca.crt"),
        ClientCertificateFile = Existing("client.crt"),
        ClientKeyFile = Existing("client.key"),
    };

    private string Existing(string name)
    {
        var path = _dir.File(name);
        File.WriteAllText(path, "x");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite); // secrets must be 0600 (SecretFile)
        return path;
    }
}
