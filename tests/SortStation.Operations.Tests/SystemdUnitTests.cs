using System.Globalization;
using System.Text.RegularExpressions;
using SortStation.Operations.Tests.Support;

namespace SortStation.Operations.Tests;

/// <summary>The shipped unit files: systemd accepts them as they are, and their exposure stays within the goal.</summary>
public sealed partial class SystemdUnitTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sortstation-units-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SystemdAnalyzeFact]
    public async Task Verify_StationUnit_NoFindings() => await AssertVerifiesAsync("sortstation.service");

    [SystemdAnalyzeFact]
    public async Task Verify_CentralUnit_NoFindings() => await AssertVerifiesAsync("sortstation-central.service");

    [SystemdAnalyzeFact]
    public async Task Security_StationUnit_ExposureAtMostThree() => Assert.InRange(await ExposureAsync("sortstation.service"), 0, 3.0);

    [SystemdAnalyzeFact]
    public async Task Security_CentralUnit_ExposureAtMostTwo() => Assert.InRange(await ExposureAsync("sortstation-central.service"), 0, 2.0);

    [SystemdAnalyzeFact]
    public async Task Verify_UnknownKey_IsReported()
    {
        // Guards the check itself: verify exits 0 on an unknown key, so the tests above must read stderr.
        var unit = Path.Combine(_dir, "broken.service");
        await File.WriteAllTextAsync(unit, "[Service]\nExecStart=/bin/true\nWatchdogSecs=30\n");

        var (_, _, error) = await SystemdAnalyze.RunAsync("verify", "--man=no", unit);

        Assert.Contains("Unknown key", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// verify also checks that ExecStart exists; the binary is only there after install.sh, so the copy
    /// under test runs a stub instead. Every other line is the shipped one.
    /// </summary>
    private async Task AssertVerifiesAsync(string name)
    {
        var stub = Path.Combine(_dir, "stub");
        await File.WriteAllTextAsync(stub, "#!/bin/sh\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var text = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Systemd, name));
        Assert.Matches(ExecStart(), text);
        var unit = Path.Combine(_dir, name);
        await File.WriteAllTextAsync(unit, ExecStart().Replace(text, $"ExecStart={stub}"));

        var (exit, output, error) = await SystemdAnalyze.RunAsync("verify", "--man=no", unit);

        Assert.True(exit == 0 && error.Length == 0, $"systemd-analyze verify {name}: exit {exit}\n{output}{error}");
    }

    private static async Task<double> ExposureAsync(string name)
    {
        var (_, output, error) = await SystemdAnalyze.RunAsync("security", "--offline=yes", "--no-pager", Path.Combine(RepoPaths.Systemd, name));
        var match = Exposure().Match(output + error);
        Assert.True(match.Success, $"no exposure level in:\n{output}{error}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^ExecStart=\S+", RegexOptions.Multiline)]
    private static partial Regex ExecStart();

    [GeneratedRegex(@"Overall exposure level for \S+: (\d+\.\d+)")]
    private static partial Regex Exposure();
}
