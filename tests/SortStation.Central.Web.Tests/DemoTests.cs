using System.Diagnostics;
using System.Text.RegularExpressions;
using SortStation.Central.Web.Tests.Support;

namespace SortStation.Central.Web.Tests;

/// <summary><c>sortstation-central demo --exit</c> as scripts/demo.sh runs it: real processes, real station binary.</summary>
public sealed partial class DemoTests
{
    [Fact]
    public async Task Demo_Exit_TwoStationsStoredAndConsoleAnnounced()
    {
        var station = Path.Combine(Repository.Root, "src/SortStation/bin/Release/net10.0/sortstation.dll");
        Assert.True(File.Exists(station), $"{station} is missing: build src/SortStation -c Release (scripts/test.sh builds the solution).");
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "sortstation-central.dll"), "demo", "--station", station, "--items", "20", "--urls", url, "--exit"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        var text = await stdout;

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{text}\n{await stderr}");
        Assert.Matches(ConsoleLine(), text);
        Assert.Contains($"Console: {url} (user demo, password ", text, StringComparison.Ordinal);
        Assert.Contains("== station-01 ==", text, StringComparison.Ordinal);
        Assert.Contains("== station-02 ==", text, StringComparison.Ordinal);
        Assert.Contains("stored 20 of 20 weighings from 2 stations", text, StringComparison.Ordinal);
        Assert.Single(PasswordLine().Matches(text)); // printed once

        // Each station's own check counts its own records only: received = published, per station.
        var deliveries = Delivery().Matches(text);
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(d.Groups["published"].Value, d.Groups["received"].Value));
        Assert.Equal(20, deliveries.Sum(d => int.Parse(d.Groups["received"].Value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [GeneratedRegex(@"Console: http://127\.0\.0\.1:\d+ \(user demo, password [A-Za-z0-9]{12}\)")]
    private static partial Regex ConsoleLine();

    [GeneratedRegex(@"published \(PUBACK\): (?<published>\d+) +received by subscriber: (?<received>\d+)")]
    private static partial Regex Delivery();

    [GeneratedRegex(@"password [A-Za-z0-9]{12}\)")]
    private static partial Regex PasswordLine();
}
