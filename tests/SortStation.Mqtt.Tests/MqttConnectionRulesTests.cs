using SortStation.Kernel.Options;

namespace SortStation.Mqtt.Tests;

public sealed class MqttConnectionRulesTests
{
    [Fact]
    public void Validate_Defaults_NoErrors() => Assert.True(Validate(new TestOptions()).Succeeded);

    [Fact]
    public void Validate_ShortSessionExpiry_SaysWhatIsLost()
    {
        var result = Validate(new TestOptions { SessionExpirySeconds = 5 }, "the weighings go missing");

        Assert.Contains("Mqtt:SessionExpirySeconds = 5", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("the weighings go missing", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CaFileWithPlainMqtt_SaysItWouldBeIgnored()
    {
        var ca = Path.GetTempFileName();
        try
        {
            var result = Validate(new TestOptions { CaFile = ca });

            Assert.Contains("Mqtt:CaFile", result.FailureMessage, StringComparison.Ordinal);
            Assert.Contains("use mqtts://host:8883", result.FailureMessage, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(ca);
        }
    }

    [Fact]
    public void Validate_UnsetPasswordVariable_NamesTheVariable()
    {
        var result = Validate(new TestOptions { Username = "u", PasswordEnvironmentVariable = "SORTSTATION_TEST_UNSET_PASSWORD" });

        Assert.Contains("SORTSTATION_TEST_UNSET_PASSWORD", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.GroupRead)]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Validate_PasswordFileReadableByOthers_FailsWithChmodFix(UnixFileMode mode)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.SetUnixFileMode(file, mode);

            var result = Validate(new TestOptions { Username = "station-01", PasswordFile = file });

            Assert.Contains("Mqtt:PasswordFile", result.FailureMessage, StringComparison.Ordinal);
            Assert.Contains($"chmod 600 {file}", result.FailureMessage, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Validate_PasswordFileOwnerOnly_Succeeds()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);

            Assert.True(Validate(new TestOptions { Username = "station-01", PasswordFile = file }).Succeeded);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Validate_ClientKeyGroupReadable_FailsWithChmodFix()
    {
        var key = Path.GetTempFileName();
        var certificate = Path.GetTempFileName();
        try
        {
            File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.GroupRead);

            var result = Validate(new TestOptions { Broker = "mqtts://localhost:8883", ClientCertificateFile = certificate, ClientKeyFile = key });

            Assert.Contains("Mqtt:ClientKeyFile", result.FailureMessage, StringComparison.Ordinal);
            Assert.Contains("chmod 600", result.FailureMessage, StringComparison.Ordinal);
            Assert.DoesNotContain("Mqtt:ClientCertificateFile", result.FailureMessage, StringComparison.Ordinal); // a certificate is public
        }
        finally
        {
            File.Delete(key);
            File.Delete(certificate);
        }
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(MqttConnectionOptions options, string loss = "loss")
    {
        var errors = new ConfigErrors();
        MqttConnectionRules.Validate(options, errors, loss);
        return errors.ToResult();
    }
}
