using SortStation.Core.Options;

namespace SortStation.Core.Tests.Options;

public sealed class TriggerWatchOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Pass() => Assert.True(new TriggerWatchOptionsValidator().Validate(null, new TriggerWatchOptions()).Succeeded);

    [Theory]
    [InlineData(0)]
    [InlineData(601)]
    public void Validate_JamSecondsOutOfRange_FailsNamingKey(int seconds) =>
        AssertFails(new TriggerWatchOptions { JamSeconds = seconds }, "Trigger:JamSeconds");

    [Theory]
    [InlineData(9)]
    [InlineData(86_401)]
    public void Validate_IdleSecondsOutOfRange_FailsNamingKey(int seconds) =>
        AssertFails(new TriggerWatchOptions { IdleSeconds = seconds }, "Trigger:IdleSeconds");

    private static void AssertFails(TriggerWatchOptions options, string key)
    {
        var result = new TriggerWatchOptionsValidator().Validate(null, options);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(key + " = ", failure, StringComparison.Ordinal);
        Assert.Contains("Fix:", failure, StringComparison.Ordinal);
    }
}
