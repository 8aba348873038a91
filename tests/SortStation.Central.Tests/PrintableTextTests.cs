using SortStation.Central.Ingest;

namespace SortStation.Central.Tests;

public sealed class PrintableTextTests
{
    [Theory]
    [InlineData("plastic")]
    [InlineData("mobilenetv2-trashnet@1.0.0")]
    [InlineData("botol plastik")]
    [InlineData("kaca ☕ 瓶")]
    public void IsPrintable_OrdinaryText_True(string text) => Assert.True(PrintableText.IsPrintable(text));

    [Theory]
    [InlineData("a\u001bb")]
    [InlineData("a\r\nb")]
    [InlineData("a\tb")]
    [InlineData("a\u202eb")]
    [InlineData("a\u2028b")]
    [InlineData("a\u00a0b")] // no-break space: looks like a space, is not one
    public void IsPrintable_ControlFormatOrBrokenText_False(string text) => Assert.False(PrintableText.IsPrintable(text));

    [Fact]
    public void IsPrintable_LoneSurrogate_False() => Assert.False(PrintableText.IsPrintable("a" + (char)0xD800 + "b"));

    [Fact]
    public void Escape_ControlCharacters_WrittenAsEscapes() =>
        Assert.Equal(@"x\u001b[2J\r\n\t\\ \u202e ok", PrintableText.Escape("x\u001b[2J\r\n\t\\ \u202e ok"));
}
