using System.Text.Json;
using SortStation.Central.Storage;
using SortStation.Central.Tests.Support;

namespace SortStation.Central.Tests;

public sealed class CentralCliTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public async Task Stats_Json_ReadsCountersStoredByAnotherProcess()
    {
        var db = _dir.File("central.db");
        using (var dialect = new SqliteDialect(db))
        {
            var store = new SqlWeighingStore(dialect, TimeProvider.System);
            await store.MigrateAsync(default);
            var a = TestRecords.Create(1, "s1", "glass");
            await store.StoreAsync([a, a, TestRecords.Create(2, "s2", "paper")], RejectionCounts.Of(("not-json", 2), ("timestamp-too-old", 1)), default);
        }

        var (code, stdout, _) = await Cli.RunAsync("stats", "--json", "--config", WriteConfig($$"""{ "Storage": { "SqlitePath": "{{db}}" } }"""));

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(2, json.RootElement.GetProperty("stored").GetInt64());
        Assert.Equal(1, json.RootElement.GetProperty("duplicatesDropped").GetInt64());
        Assert.Equal(3, json.RootElement.GetProperty("malformedRejected").GetInt64());
        Assert.Equal(2, json.RootElement.GetProperty("perStation").GetArrayLength());
        var reasons = json.RootElement.GetProperty("rejectedByReason");
        Assert.Equal((2, 1), (reasons.GetProperty("not-json").GetInt64(), reasons.GetProperty("timestamp-too-old").GetInt64()));
    }

    [Fact]
    public async Task Stats_Text_EscapesControlCharactersOfStoredRows()
    {
        // A row stored before validation was strict: the terminal must never receive its ESC or CRLF.
        var db = _dir.File("hostile.db");
        using (var dialect = new SqliteDialect(db))
        {
            var store = new SqlWeighingStore(dialect, TimeProvider.System);
            await store.MigrateAsync(default);
            await store.StoreAsync([TestRecords.Create(1, "s1", "glass\u001b[2J\r\n[12:00:00 INF] fake")], RejectionCounts.None, default);
        }

        var (code, stdout, _) = await Cli.RunAsync("stats", "--config", WriteConfig($$"""{ "Storage": { "SqlitePath": "{{db}}" } }"""));

        Assert.Equal(0, code);
        Assert.DoesNotContain('\u001b', stdout);
        Assert.Contains(@"glass\u001b[2J\r\n[12:00:00 INF] fake", stdout, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Run_WorldReadableMqttPasswordFile_ExitCode2WithChmodFix()
    {
        var secret = _dir.File("mqtt-password");
        File.WriteAllText(secret, "s3cret-password\n");
        File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var (code, stdout, stderr) = await Cli.RunAsync("run", "--config", WriteConfig($$"""{ "Mqtt": { "Username": "central", "PasswordFile": "{{secret}}" }, "Storage": { "SqlitePath": "{{_dir.File("c.db")}}" } }"""));

        Assert.Equal(2, code);
        Assert.Contains("Mqtt:PasswordFile", stderr, StringComparison.Ordinal);
        Assert.Contains($"chmod 600 {secret}", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-password", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_Text_PrintsCountersAndLabels()
    {
        var (code, stdout, _) = await Cli.RunAsync("stats", "--config", WriteConfig($$"""{ "Storage": { "SqlitePath": "{{_dir.File("empty.db")}}" } }"""));

        Assert.Equal(0, code);
        Assert.Contains("weighings stored:   0", stdout, StringComparison.Ordinal);
        Assert.Contains("per label:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_MistypedStorageKey_ExitCode2WithSuggestion()
    {
        var (code, _, stderr) = await Cli.RunAsync("stats", "--config", WriteConfig($$"""{ "Storage": { "SqlitPath": "{{_dir.File("x.db")}}" } }"""));

        Assert.Equal(2, code);
        Assert.Contains("did you mean SqlitePath?", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WordWhereANumberBelongs_ExitCode2LikeTheStation()
    {
        var (code, _, stderr) = await Cli.RunAsync("run", "--config", WriteConfig("""{ "Clustering": { "Seed": "forty-two" } }"""));

        Assert.Equal(2, code);
        Assert.Contains("Configuration error — sortstation-central was not started:", stderr, StringComparison.Ordinal);
        Assert.Contains("Clustering:Seed", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MistypedKeyAndSection_ExitCode2WithFileAndSuggestion()
    {
        var config = WriteConfig("""{ "Storage": { "SqlitePth": "x.db" }, "Clustring": { "Enabled": false } }""");

        var (code, _, stderr) = await Cli.RunAsync("run", "--config", config);

        Assert.Equal(2, code);
        Assert.Contains($"Storage:SqlitePth = \"x.db\": is not a known key (in {config})", stderr, StringComparison.Ordinal);
        Assert.Contains("did you mean SqlitePath?", stderr, StringComparison.Ordinal);
        Assert.Contains("Clustring = (a section): is not a known section", stderr, StringComparison.Ordinal);
        Assert.Contains("did you mean Clustering?", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InvalidConfiguration_ExitCode2WithKeyAndFix()
    {
        var (code, _, stderr) = await Cli.RunAsync("run", "--config", WriteConfig("""{ "Clustering": { "GroupBy": "colour" }, "Mqtt": { "SharedGroup": "a/b" } }"""));

        Assert.Equal(2, code);
        Assert.Contains("Clustering:GroupBy = \"colour\"", stderr, StringComparison.Ordinal);
        Assert.Contains("Mqtt:SharedGroup", stderr, StringComparison.Ordinal);
        Assert.Contains("Fix:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MissingConfigFile_ExitCode2()
    {
        var (code, _, stderr) = await Cli.RunAsync("run", "--config", _dir.File("nope.json"));

        Assert.Equal(2, code);
        Assert.Contains("no such file", stderr, StringComparison.Ordinal);
    }

    private string WriteConfig(string json)
    {
        var path = _dir.File($"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
