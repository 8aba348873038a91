using System.Runtime.Versioning;
using SortStation.Integration.Tests.Support;

namespace SortStation.Integration.Tests;

/// <summary>The real station binary refuses an MQTT password file that others can read, as ssh refuses such a key.</summary>
[SupportedOSPlatform("linux")]
public sealed class SecretFileTests : IDisposable
{
    private readonly string _password = Path.Combine(Path.GetTempPath(), $"sortstation-pw-{Guid.NewGuid():N}");

    [Fact]
    public async Task Run_WorldReadableMqttPasswordFile_ExitCode2WithChmodFix()
    {
        File.WriteAllText(_password, "station-secret-123\n");
        File.SetUnixFileMode(_password, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var (exit, stdout, stderr) = await StationProcess.RunAsync(["run"], new Dictionary<string, string>
        {
            ["SORTSTATION__Mqtt__Username"] = "station-01",
            ["SORTSTATION__Mqtt__PasswordFile"] = _password,
        });

        Assert.Equal(2, exit);
        Assert.Contains("Mqtt:PasswordFile", stderr, StringComparison.Ordinal);
        Assert.Contains($"chmod 600 {_password}", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("station-secret-123", stdout + stderr, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_password);
}
