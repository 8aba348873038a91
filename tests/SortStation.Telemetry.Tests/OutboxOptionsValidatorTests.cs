namespace SortStation.Telemetry.Tests;

public sealed class OutboxOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds() => Assert.True(Validate(new OutboxOptions()).Succeeded);

    [Fact]
    public void Validate_MemoryWithoutPath_Succeeds() => Assert.True(Validate(new OutboxOptions { Kind = OutboxKind.Memory, Path = "" }).Succeeded);

    [Fact]
    public void Validate_UnknownKind_NamesKeyAndFix() =>
        AssertFails(new OutboxOptions { Kind = (OutboxKind)7 }, "Outbox:Kind", "use Sqlite");

    [Fact]
    public void Validate_SqliteWithoutPath_NamesKeyAndFix() =>
        AssertFails(new OutboxOptions { Path = " " }, "Outbox:Path", "state/outbox.db");

    [Fact]
    public void Validate_MaxRowsZero_NamesKeyAndFix() =>
        AssertFails(new OutboxOptions { MaxRows = 0 }, "Outbox:MaxRows", "use 1000000");

    [Fact]
    public void Validate_TinyMaxBytes_NamesKeyAndFix() =>
        AssertFails(new OutboxOptions { MaxBytes = 100 }, "Outbox:MaxBytes", "536870912");

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Validate_GroupCommitOutOfRange_NamesKeyAndFix(int milliseconds) =>
        AssertFails(new OutboxOptions { GroupCommitMilliseconds = milliseconds }, "Outbox:GroupCommitMilliseconds", "use 10");

    [Fact]
    public void Validate_UnknownPolicy_NamesKeyAndFix() =>
        AssertFails(new OutboxOptions { WhenFull = (OutboxFullPolicy)9 }, "Outbox:WhenFull", "RejectNewest or DropOldest");

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(OutboxOptions options) => new OutboxOptionsValidator().Validate(null, options);

    private static void AssertFails(OutboxOptions options, string key, string fix)
    {
        var result = Validate(options);
        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(key + " = ", failure, StringComparison.Ordinal);
        Assert.Contains(fix, failure, StringComparison.Ordinal);
    }
}
