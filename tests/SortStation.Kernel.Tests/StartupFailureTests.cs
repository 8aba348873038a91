using Microsoft.Extensions.Options;
using SortStation.Kernel.Hosting;

namespace SortStation.Kernel.Tests;

/// <summary>Station and central share one start-failure report: every configuration cause is exit 2.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public void Report_BareFormatException_IsAConfigurationError()
    {
        using var error = new StringWriter();

        Assert.Equal(2, StartupFailure.Report(new FormatException("The input string 'fast' was not in a correct format."), error, "not started"));
        Assert.Contains("Configuration error — not started:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_BinderConversionAndRuleTogether_BothListedExitCode2()
    {
        using var error = new StringWriter();
        var binder = new InvalidOperationException("Failed to convert configuration value 'fast' at 'Belt:SpeedMetersPerSecond' to type 'System.Double'.", new FormatException("fast"));
        var rule = new OptionsValidationException("Sorting", typeof(object), ["Sorting:MinConfidence = 5: must be a probability between 0 and 1. Fix: use e.g. 0.6."]);

        Assert.Equal(2, StartupFailure.Report(new AggregateException(binder, rule), error, "not started"));
        Assert.Contains("  Failed to convert configuration value 'fast' at 'Belt:SpeedMetersPerSecond'", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("  Sorting:MinConfidence = 5", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_OtherFailure_ExitCode1WithoutStackTrace()
    {
        using var error = new StringWriter();

        Assert.Equal(1, StartupFailure.Report(new IOException("disk on fire"), error, "not started"));
        Assert.Equal("Start failed: disk on fire", error.ToString().Trim());
    }
}
