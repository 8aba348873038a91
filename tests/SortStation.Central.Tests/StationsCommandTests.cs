using System.Runtime.Versioning;
using System.Text.Json;
using SortStation.Central.Stations;
using SortStation.Central.Tests.Support;

namespace SortStation.Central.Tests;

/// <summary><c>sortstation-central stations add / revoke / list</c> on files (the broker itself: FleetSecurityTests).</summary>
[SupportedOSPlatform("linux")]
public sealed class StationsCommandTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly string _config;

    public StationsCommandTests()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "mosquitto", "sortstation.acl"), _dir.File("acl"));
        _config = WriteConfig(_dir.File("acl"));
    }

    private string PasswordFile => _dir.File("passwd");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public async Task Add_NewStation_AccountRegistrationSecretCopyAndSnippet()
    {
        var (code, stdout, _) = await Cli.RunAsync("stations", "add", "station-07", "--password-file", _dir.File("s7.pw"), "--config", _config);

        Assert.Equal(0, code);
        var password = File.ReadAllText(_dir.File("s7.pw")).Trim();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_dir.File("s7.pw")));
        var line = Assert.Single(File.ReadAllLines(PasswordFile));
        Assert.StartsWith("station-07:$7$101$", line, StringComparison.Ordinal);
        Assert.True(MosquittoPassword.Verify(password, line["station-07:".Length..]));
        Assert.DoesNotContain(password, stdout, StringComparison.Ordinal); // the secret goes to its 0600 file only
        using var snippet = JsonDocument.Parse(stdout[stdout.IndexOf('{', StringComparison.Ordinal)..]);
        Assert.Equal("station-07", snippet.RootElement.GetProperty("Station").GetProperty("Id").GetString());
        Assert.Equal("station-07", snippet.RootElement.GetProperty("Mqtt").GetProperty("Username").GetString());
        Assert.Equal("mqtts://central.plant.lan:8883", snippet.RootElement.GetProperty("Mqtt").GetProperty("Broker").GetString());
        Assert.Contains("station-07", (await Cli.RunAsync("stations", "list", "--config", _config)).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_Twice_SecondChangesNothing()
    {
        await Cli.RunAsync("stations", "add", "station-07", "--password-file", _dir.File("s7.pw"), "--config", _config);
        var before = File.ReadAllText(PasswordFile);

        var (code, stdout, _) = await Cli.RunAsync("stations", "add", "station-07", "--password-file", _dir.File("again.pw"), "--config", _config);

        Assert.Equal(0, code);
        Assert.Contains("already provisioned", stdout, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(PasswordFile));
        Assert.False(File.Exists(_dir.File("again.pw")));
    }

    [Fact]
    public async Task Add_AccountMadeWithMosquittoPasswd_AdoptedPasswordKept()
    {
        // A fleet set up by hand before: the technician's mosquitto_passwd hash must keep working.
        await RunProcessAsync("mosquitto_passwd", ["-c", "-b", PasswordFile, "station-01", "old-password"]);
        var before = File.ReadAllText(PasswordFile);

        var (code, stdout, _) = await Cli.RunAsync("stations", "add", "station-01", "--config", _config);

        Assert.Equal(0, code);
        Assert.Contains("adopted", stdout, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(PasswordFile));
        Assert.True(MosquittoPassword.Verify("old-password", before.Trim()["station-01:".Length..]));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("station+1")]
    [InlineData("#")]
    [InlineData("")]
    [InlineData("central")]
    [InlineData("x\u001b[2J")]
    public async Task Add_IdOutsidePatternOrReserved_RefusedExit2(string id)
    {
        var (code, _, stderr) = await Cli.RunAsync("stations", "add", id, "--config", _config);

        Assert.Equal(2, code);
        Assert.Contains("Refused", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', stderr);
        Assert.False(File.Exists(PasswordFile));
    }

    [Fact]
    public async Task Add_AclWithoutStationConfinement_RefusedExit2()
    {
        var acl = _dir.File("open.acl");
        File.WriteAllText(acl, "pattern write sortstation/#\n");

        var (code, _, stderr) = await Cli.RunAsync("stations", "add", "station-07", "--config", WriteConfig(acl));

        Assert.Equal(2, code);
        Assert.Contains("Broker:AclFile", stderr, StringComparison.Ordinal);
        Assert.Contains("does not confine the stations", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_Twice_AccountRemovedRegistrationRevokedThenNothing()
    {
        await Cli.RunAsync("stations", "add", "station-07", "--password-file", _dir.File("s7.pw"), "--config", _config);
        await Cli.RunAsync("stations", "add", "station-08", "--password-file", _dir.File("s8.pw"), "--config", _config);

        var first = await Cli.RunAsync("stations", "revoke", "station-07", "--config", _config);
        var second = await Cli.RunAsync("stations", "revoke", "station-07", "--config", _config);

        Assert.Equal((0, 0), (first.Code, second.Code));
        Assert.Contains("nothing to revoke", second.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("station-08:", Assert.Single(File.ReadAllLines(PasswordFile)), StringComparison.Ordinal);
        using var list = JsonDocument.Parse((await Cli.RunAsync("stations", "list", "--json", "--config", _config)).Stdout);
        var s7 = list.RootElement.EnumerateArray().Single(s => s.GetProperty("stationId").GetString() == "station-07");
        Assert.NotEqual(JsonValueKind.Null, s7.GetProperty("revokedAt").ValueKind);
        Assert.False(s7.GetProperty("brokerAccount").GetBoolean());
    }

    private string WriteConfig(string acl)
    {
        var path = _dir.File($"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            Broker = new { PasswordFile, AclFile = acl, PidFile = _dir.File("no-broker.pid"), CaFile = (string?)null, StationBrokerUrl = "mqtts://central.plant.lan:8883" },
            Storage = new { SqlitePath = _dir.File("central.db") },
        }));
        return path;
    }

    private static async Task RunProcessAsync(string tool, string[] args)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(tool, args) { RedirectStandardError = true })!;
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
    }
}
