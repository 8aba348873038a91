using SortStation.Core.Units;

namespace SortStation.Core.Tests.Units;

public sealed class MassTests
{
    [Theory]
    [InlineData("1.000kg", 1.0)]
    [InlineData("250 g", 0.25)]
    [InlineData("0.5", 0.5)]
    [InlineData(" 2KG ", 2.0)]
    public void Parse_TextWithUnit_Kilograms(string text, double kilograms)
    {
        Assert.Equal(kilograms, Mass.Parse(text).Kilograms, 9);
    }

    [Fact]
    public void Parse_NotANumber_Throws()
    {
        Assert.Throws<FormatException>(() => Mass.Parse("heavy"));
    }

    [Fact]
    public void Operators_AddAndCompare_WorkInKilograms()
    {
        Assert.True(Mass.FromGrams(600) + Mass.FromGrams(500) > Mass.FromKilograms(1));
        Assert.Equal("0.040 kg", Mass.FromGrams(40).ToString());
    }
}
