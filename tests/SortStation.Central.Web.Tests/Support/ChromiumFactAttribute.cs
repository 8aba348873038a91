namespace SortStation.Central.Web.Tests.Support;

/// <summary>A browser test, reported as skipped with the reason only where Debian's chromium is not installed (scripts/setup.sh installs it).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Executable = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Executable))
        {
            Skip = $"Browser test skipped: {Executable} not found (install the Debian package chromium; scripts/setup.sh does).";
        }
    }
}
