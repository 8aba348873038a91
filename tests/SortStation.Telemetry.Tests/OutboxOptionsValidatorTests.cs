using SortStation.Outbox;

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

    [Fact]
    public void Validate_UnknownWriteFailurePolicy_NamesKeyAndFix() =>
        AssertFails(new OutboxOptions { OnWriteFailure = (OutboxWriteFailurePolicy)5 }, "Outbox:OnWriteFailure", "SoftStop");

    [Theory]
    [InlineData(0)]
    [InlineData(301)]
    public void Validate_RetrySecondsOutOfRange_NamesKeyAndFix(int seconds) =>
        AssertFails(new OutboxOptions { RetrySeconds = seconds }, "Outbox:RetrySeconds", "use 5");

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_001)]
    public void Validate_MaxHeldInMemoryOutOfRange_NamesKeyAndFix(int held) =>
        AssertFails(new OutboxOptions { MaxHeldInMemory = held }, "Outbox:MaxHeldInMemory", "use 10000");

    [Fact]
    public void Validate_FolderCannotBeCreated_NamesPathAndWhy()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("state"), "a file where the folder should be");

        AssertFails(new OutboxOptions { Path = Path.Combine(dir.Path, "state", "outbox.db") }, "Outbox:Path", "a folder the service user can write");
        Assert.Contains("is a file, so the folder", Validate(new OutboxOptions { Path = Path.Combine(dir.Path, "state", "outbox.db") }).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PathIsAFolder_NamesPath()
    {
        using var dir = new TempDir();

        AssertFails(new OutboxOptions { Path = dir.Path }, "Outbox:Path", "a folder the service user can write");
    }

    [Fact]
    public void Validate_FolderNotWritable_NamesPath()
    {
        // /proc is never writable, not even by root.
        AssertFails(new OutboxOptions { Path = "/proc/sortstation/outbox.db" }, "Outbox:Path", "a folder the service user can write");
    }

    [Fact]
    public void Validate_FolderMissingButCreatable_Succeeds()
    {
        using var dir = new TempDir();

        Assert.True(Validate(new OutboxOptions { Path = Path.Combine(dir.Path, "new", "state", "outbox.db") }).Succeeded);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "new"))); // checked, not created
    }

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
