using SortStation.Core.Options;

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

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(MqttConnectionOptions options, string loss = "loss")
    {
        var errors = new ConfigErrors();
        MqttConnectionRules.Validate(options, errors, loss);
        return errors.ToResult();
    }
}
