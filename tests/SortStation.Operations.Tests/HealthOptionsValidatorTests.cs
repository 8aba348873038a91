namespace SortStation.Operations.Tests;

public sealed class HealthOptionsValidatorTests
{
    private static readonly HealthOptionsValidator Validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds() => Assert.True(Validator.Validate(null, new HealthOptions()).Succeeded);

    [Fact]
    public void Validate_PrivilegedPort_FailsNamingKeyAndFix()
    {
        var result = Validator.Validate(null, new HealthOptions { Port = 80 });

        Assert.True(result.Failed);
        Assert.Contains("Health:Port = 80", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Fix:", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZeroStallSeconds_Fails()
    {
        var result = Validator.Validate(null, new HealthOptions { ItemStallSeconds = 0 });

        Assert.Contains("Health:ItemStallSeconds = 0", result.FailureMessage, StringComparison.Ordinal);
    }
}
