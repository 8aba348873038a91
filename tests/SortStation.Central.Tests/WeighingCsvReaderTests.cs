using SortStation.Central.Csv;
using SortStation.Clustering;

namespace SortStation.Central.Tests;

public sealed class WeighingCsvReaderTests
{
    private static CsvReadResult Read(string text) =>
        WeighingCsvReader.Read(new StringReader(text), WeighingCsvReader.DefaultFeatures);

    [Fact]
    public void Read_HeaderInAnyCase_ColumnsMatched()
    {
        var result = Read("ITEM_TYPE,Weight_KG,Unit_Price\nBESI,28.3,4000\n");

        var row = Assert.Single(result.Table.Records);
        Assert.Equal(["28.3", "4000"], row.Values);
        Assert.Equal("BESI", row.ItemType);
    }

    [Fact]
    public void Read_HeaderWithBomAndSpaces_Trimmed()
    {
        var result = Read("\uFEFF item_type , weight_kg ,unit_price \nA,1,2\n");

        Assert.Single(result.Table.Records);
    }

    [Fact]
    public void Read_MissingRequiredColumn_ThrowsNamingIt()
    {
        var e = Assert.Throws<CsvFormatException>(() => Read("item_type,weight_kg\nA,1\n"));

        Assert.Contains("unit_price", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ExtraColumnsAndOtherOrder_Ignored()
    {
        var result = Read("unit_price,note,item_type,weight_kg\n500,x,KARDUS,135.55\n");

        var row = Assert.Single(result.Table.Records);
        Assert.Equal("KARDUS", row.ItemType);
        Assert.Equal(["135.55", "500"], row.Values);
    }

    [Fact]
    public void Read_WrongFieldCount_ReportedWithLineAndSkipped()
    {
        var result = Read("item_type,weight_kg,unit_price\nA,1,2\nB,1\nC,3,4\n");

        Assert.Equal([2, 4], result.Table.Records.Select(r => r.Line));
        var bad = Assert.Single(result.Malformed);
        Assert.Equal(3, bad.Line);
        Assert.Equal(DropKind.Malformed, bad.Kind);
        Assert.Contains("expected 3 fields, found 2", bad.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_QuotedCommaAndEscapedQuote_KeptInField()
    {
        var result = Read("item_type,weight_kg,unit_price\n\"AC / MESIN \"\"CUCI\"\", BESAR\",0,\"45,000\"\n");

        var row = Assert.Single(result.Table.Records);
        Assert.Equal("AC / MESIN \"CUCI\", BESAR", row.ItemType);
        Assert.Equal("45,000", row.Values[1]);
    }

    [Fact]
    public void Read_LineBreakInsideQuotes_LaterLineNumbersStillRight()
    {
        var result = Read("item_type,weight_kg,unit_price\n\"two\nlines\",1,2\nB,x\n");

        Assert.Equal(2, Assert.Single(result.Table.Records).Line);
        Assert.Equal(4, Assert.Single(result.Malformed).Line);
    }

    [Fact]
    public void Read_UnterminatedQuote_ReportedAsMalformed()
    {
        var result = Read("item_type,weight_kg,unit_price\nA,1,2\n\"B,1,2\n");

        var bad = Assert.Single(result.Malformed);
        Assert.Equal(3, bad.Line);
        Assert.Contains("unterminated", bad.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StrayQuoteAndTextAfterClosingQuote_ReportedWithTheirLinesAndSkipped()
    {
        var result = Read("item_type,weight_kg,unit_price\nA\"B,1,2\n\"C\"D,1,2\nE,1,2\n");

        Assert.Equal([4], result.Table.Records.Select(r => r.Line));
        Assert.Equal([(2, "stray quote inside an unquoted field"), (3, "text after a closing quote")], result.Malformed.Select(m => (m.Line, m.Reason)));
    }

    [Fact]
    public void Read_BlankLines_SkippedWithoutShiftingLineNumbers()
    {
        var result = Read("item_type,weight_kg,unit_price\r\n\r\nA,1,2\r\n   \r\nB,1\r\n");

        Assert.Equal(3, Assert.Single(result.Table.Records).Line);
        Assert.Equal(5, Assert.Single(result.Malformed).Line);
    }

    [Fact]
    public void Read_EmptyFile_Throws()
    {
        Assert.Throws<CsvFormatException>(() => Read(string.Empty));
    }

    [Fact]
    public void Read_DuplicateHeader_Throws()
    {
        Assert.Throws<CsvFormatException>(() => Read("item_type,weight_kg,WEIGHT_KG,unit_price\n"));
    }

    [Fact]
    public void Read_CustomFeatureList_SelectsThoseColumns()
    {
        var result = WeighingCsvReader.Read(new StringReader("item_type,weight_kg,unit_price,volume_l\nA,1,2,3\n"), ["volume_l"]);

        Assert.Equal(["volume_l"], result.Table.FeatureNames);
        Assert.Equal(["3"], Assert.Single(result.Table.Records).Values);
    }

    [Fact]
    public void Read_ThenClean_UncoercibleNumberDroppedWithItsLine()
    {
        var csv = Read("item_type,weight_kg,unit_price\nA,\"1,5\",\"Rp 45.000\"\nB,abc,100\nC,-2,100\n");

        var cleaned = Cleaner.Clean(csv.Table, false);

        Assert.Equal([1.5, 45000], cleaned.Dataset.Features.Row(0).ToArray());
        Assert.Equal([3, 4], cleaned.Report.Dropped.Select(d => d.Line));
        Assert.All(cleaned.Report.Dropped, d => Assert.Equal(DropKind.Invalid, d.Kind));
    }
}
