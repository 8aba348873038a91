
namespace SortStation.Tests.Commands;

/// <summary>check-config probes the folder the outbox will write, so a start never fails on it later.</summary>
public sealed class OutboxPathCheckTests
{
    [Fact]
    public async Task CheckConfig_OutboxFolderNotWritable_ExitsTwoNamingTheKey()
    {
        using var cli = new CliRun("""
            "Outbox": { "Path": "/proc/sortstation/outbox.db" }
            """);

        Assert.Equal(2, await cli.RunAsync("check-config"));
        Assert.Contains("Outbox:Path = \"/proc/sortstation/outbox.db\"", cli.Error);
        Assert.Contains("cannot be written by this user", cli.Error);
    }

    [Fact]
    public async Task CheckConfig_OutboxUnderAFile_ExitsTwoNamingTheKey()
    {
        using var cli = new CliRun();
        var blocker = Path.Combine(cli.Folder, "state");
        File.WriteAllText(blocker, "a file where the outbox folder should be");
        File.WriteAllText(cli.ConfigFile, File.ReadAllText(cli.ConfigFile).TrimEnd().TrimEnd('}') + $$""", "Outbox": { "Path": "{{blocker}}/outbox.db" } }""");

        Assert.Equal(2, await cli.RunAsync("check-config"));
        Assert.Contains($"{blocker} is a file", cli.Error);
    }
}
