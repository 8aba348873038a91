using System.Diagnostics;
using System.Globalization;

namespace SortStation.Telemetry.Tests.Support;

/// <summary>
/// A real tmpfs of a few hundred KB mounted in a temp folder (needs root, as on the CI machine), so SQLite meets a
/// genuinely full file system; <see cref="Grow"/> gives space back by remounting it larger.
/// </summary>
public sealed class TinyTmpfs : IDisposable
{
    private static readonly Lazy<string?> Unavailable = new(Probe);

    private TinyTmpfs(string path) => Path = path;

    public string Path { get; }

    /// <summary>Why a tmpfs cannot be mounted here (not root, no mount permission), or null when it can.</summary>
    public static string? WhyUnavailable => Unavailable.Value;

    public static TinyTmpfs Mount(int kilobytes)
    {
        var path = Directory.CreateTempSubdirectory("sortstation-tmpfs-").FullName;
        Run("mount", "-t", "tmpfs", "-o", Size(kilobytes), "tmpfs", path);
        return new TinyTmpfs(path);
    }

    public void Grow(int kilobytes) => Run("mount", "-o", "remount," + Size(kilobytes), Path);

    public void Dispose()
    {
        Run("umount", "-l", Path);
        Directory.Delete(Path);
    }

    private static string Size(int kilobytes) => string.Create(CultureInfo.InvariantCulture, $"size={kilobytes}k");

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return "mounting a tiny tmpfs needs root on Linux; the in-process full-disk tests (OutboxWriteFailureTests) still run";
        }

        try
        {
            Mount(64).Dispose();
            return null;
        }
        catch (InvalidOperationException ex)
        {
            return $"tmpfs could not be mounted ({ex.Message}); the in-process full-disk tests (OutboxWriteFailureTests) still run";
        }
    }

    private static void Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, UseShellExecute = false })
            ?? throw new InvalidOperationException($"{file} did not start");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)}: exit {process.ExitCode} {error.Trim()}");
        }
    }
}
