using System.Diagnostics;
using SortStation.Operations.Tests.Support;

namespace SortStation.Operations.Tests;

/// <summary>scripts/install.sh and uninstall.sh into a staging root (--root), with a stand-in published folder.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
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
    public async Task Install_CentralAndBroker_ShippedBrokerConfigCaAndProductionCentralConfig()
    {
        var (exit, output) = await RunAsync("install.sh", "--from", PublishedStandIn(), "--central-from", CentralStandIn(), "--broker", "--broker-host", "central.plant.lan", "--root", Root);

        Assert.True(exit == 0, output);
        var broker = Path.Combine(Root, "etc", "mosquitto", "sortstation");
        var conf = await File.ReadAllTextAsync(Path.Combine(Root, "etc", "mosquitto", "conf.d", "sortstation.conf"));
        Assert.DoesNotContain("{{", conf, StringComparison.Ordinal);
        Assert.Contains("listener 8883", conf, StringComparison.Ordinal);
        Assert.Contains("allow_anonymous false", conf, StringComparison.Ordinal);
        Assert.Contains("acl_file /etc/mosquitto/sortstation/acl", conf, StringComparison.Ordinal);
        Assert.Contains("pattern write sortstation/%u/#", await File.ReadAllTextAsync(Path.Combine(broker, "acl")), StringComparison.Ordinal);
        Assert.StartsWith("central:$7$", await File.ReadAllTextAsync(Path.Combine(broker, "passwd")), StringComparison.Ordinal);
        Assert.Contains("DNS:central.plant.lan", await OpensslTextAsync(Path.Combine(broker, "server.crt")), StringComparison.Ordinal);
        var secret = Path.Combine(Root, "etc", "sortstation", "central-mqtt-password");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secret));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(broker, "ca.key")));
        Assert.Contains("\"RequireRegisteredStations\": true", await File.ReadAllTextAsync(Path.Combine(Root, "etc", "sortstation", "central.json")), StringComparison.Ordinal);
        Assert.DoesNotContain(await File.ReadAllTextAsync(secret), output, StringComparison.Ordinal);

        // Again: the CA the stations trust and central's password are kept.
        var ca = await File.ReadAllTextAsync(Path.Combine(broker, "ca.crt"));
        var password = await File.ReadAllTextAsync(secret);
        (exit, output) = await RunAsync("install.sh", "--from", PublishedStandIn(), "--central-from", CentralStandIn(), "--broker", "--root", Root);
        Assert.True(exit == 0, output);
        Assert.Equal((ca, password), (await File.ReadAllTextAsync(Path.Combine(broker, "ca.crt")), await File.ReadAllTextAsync(secret)));
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

    private string CentralStandIn()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "publish-central")).FullName;
        var binary = Path.Combine(folder, "sortstation-central");
        File.WriteAllText(binary, "#!/bin/sh\n");
        File.SetUnixFileMode(binary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return folder;
    }

    private static async Task<string> OpensslTextAsync(string certificate)
    {
        using var process = Process.Start(new ProcessStartInfo("openssl", ["x509", "-noout", "-text", "-in", certificate]) { RedirectStandardOutput = true })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text;
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
