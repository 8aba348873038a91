using SortStation.Clustering;

namespace SortStation.Clustering.Tests;

public sealed class NumberCoercionTests
{
    [Theory]
    [InlineData("12.52", 12.52)]
    [InlineData(" 45000 ", 45000)]
    [InlineData("45,000", 45000)]
    [InlineData("1,234,567", 1234567)]
    [InlineData("12,5", 12.5)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("Rp 8000", 8000)]
    [InlineData("Rp.8.000,00", 8000)]
    [InlineData("Rp 45.000", 45000)]
    [InlineData("13.7 kg", 13.7)]
    [InlineData("1e3", 1000)]
    public void TryParse_AcceptedForms_Coerced(string text, double expected)
    {
        Assert.True(NumberCoercion.TryParse(text, out var value, out var error), error);
        Assert.Equal(expected, value, 12);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("abc", "not a number")]
    [InlineData("-3", "negative")]
    [InlineData("NaN", "not finite")]
    [InlineData("Infinity", "not finite")]
    public void TryParse_RejectedForms_FalseWithReason(string text, string reason)
    {
        Assert.False(NumberCoercion.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
