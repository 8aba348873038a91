using System.CommandLine;

namespace SortStation.Central.Tests.Support;

/// <summary>Runs sortstation-central's command line in-process and captures what it prints.</summary>
public static class Cli
{
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CentralCli.Create(TimeProvider.System).Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }
}
