using System.Diagnostics;
using SortStation.Operations.Tests.Support;

namespace SortStation.Operations.Tests;

/// <summary>scripts/install.sh and uninstall.sh into a staging root (--root), with a stand-in published folder.</summary>
public sealed class InstallScriptTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sortstation-install-").FullName;

    private string Root => Path.Combine(_dir, "root");

    private string SiteConfig => Path.Combine(Root, "etc", "sortstation", "sortstation.json");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Install_Fresh_BinaryDefaultsTemplateUnitAndUsers()
    {
        var (exit, output) = await RunAsync("install.sh", "--from", PublishedStandIn(), "--root", Root);

        Assert.True(exit == 0, output);
        Assert.True(File.Exists(Path.Combine(Root, "opt", "sortstation", "sortstation")));
        Assert.True(File.Exists(Path.Combine(Root, "opt", "sortstation", "appsettings.json")));
        Assert.Contains("\"Hardware\": \"Raspberry\"", await File.ReadAllTextAsync(SiteConfig), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Root, "etc", "systemd", "system", "sortstation.service")));
        Assert.True(File.Exists(Path.Combine(Root, "usr", "lib", "sysusers.d", "sortstation.conf")));
        if (SystemdAnalyze.Path is not null && Environment.UserName == "root")
        {
            // systemd-sysusers ships with systemd-analyze; it created the user in the staging root.
            Assert.Contains("sortstation:x:", await File.ReadAllTextAsync(Path.Combine(Root, "etc", "passwd")), StringComparison.Ordinal);
            Assert.Matches("(?m)^gpio:x:\\d+:sortstation$", await File.ReadAllTextAsync(Path.Combine(Root, "etc", "group")));
        }
    }

    [Fact]
    public async Task Install_Again_KeepsTechnicianEditsAndReplacesBinary()
    {
        await RunAsync("install.sh", "--from", PublishedStandIn("v1"), "--root", Root);
        await File.WriteAllTextAsync(SiteConfig, "{ \"Station\": { \"Id\": \"line-7\" } }");

        var (exit, output) = await RunAsync("install.sh", "--from", PublishedStandIn("v2"), "--root", Root);

        Assert.True(exit == 0, output);
        Assert.Equal("{ \"Station\": { \"Id\": \"line-7\" } }", await File.ReadAllTextAsync(SiteConfig));
        Assert.Contains("kept", output, StringComparison.Ordinal);
        Assert.Equal("v2", await File.ReadAllTextAsync(Path.Combine(Root, "opt", "sortstation", "version")));
    }

    [Fact]
    public async Task Uninstall_WithoutPurge_KeepsConfigAndState()
    {
        await RunAsync("install.sh", "--from", PublishedStandIn(), "--root", Root);
        Directory.CreateDirectory(Path.Combine(Root, "var", "lib", "sortstation", "state"));

        var (exit, output) = await RunAsync("uninstall.sh", "--root", Root);

        Assert.True(exit == 0, output);
        Assert.False(Directory.Exists(Path.Combine(Root, "opt", "sortstation")));
        Assert.False(File.Exists(Path.Combine(Root, "etc", "systemd", "system", "sortstation.service")));
        Assert.True(File.Exists(SiteConfig));
        Assert.True(Directory.Exists(Path.Combine(Root, "var", "lib", "sortstation", "state")));
    }

    /// <summary>What dotnet publish would leave: an executable sortstation and the defaults beside it.</summary>
    private string PublishedStandIn(string version = "v1")
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "publish-" + version)).FullName;
        var binary = Path.Combine(folder, "sortstation");
        File.WriteAllText(binary, "#!/bin/sh\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(binary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        File.WriteAllText(Path.Combine(folder, "appsettings.json"), "{}");
        File.WriteAllText(Path.Combine(folder, "version"), version);
        return folder;
    }

    private static async Task<(int Exit, string Output)> RunAsync(string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "scripts", script));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output + await error);
    }
}
