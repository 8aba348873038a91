using System.CommandLine;
using SortStation.Central.Hosting;
using SortStation.Kernel.Hosting;

namespace SortStation.Central.Commands;

/// <summary><c>sortstation-central run</c>: ingest and re-cluster until SIGTERM or Ctrl+C.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var config = ConfigOption.Create();
        var command = new Command("run", "Run the central service: store station weighings, re-cluster on a schedule.") { config };
        command.SetAction((parse, ct) => ServiceRun.RunAsync(
            () => CentralHostBuilder.Build(parse.GetValue(config)),
            CentralHostBuilder.NotStarted,
            parse.InvocationConfiguration.Error,
            cancellationToken: ct));
        return command;
    }
}
