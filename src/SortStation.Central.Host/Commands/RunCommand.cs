using System.CommandLine;
using Microsoft.Extensions.Hosting;
using SortStation.Central.Hosting;
using SortStation.Operations;

namespace SortStation.Central.Commands;

/// <summary><c>sortstation-central run</c>: ingest and re-cluster until SIGTERM or Ctrl+C.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var config = ConfigOption.Create();
        var command = new Command("run", "Run the central service: store station weighings, re-cluster on a schedule.") { config };
        command.SetAction(async (parse, ct) =>
        {
            IHost host;
            try
            {
                host = CentralHostBuilder.Build(parse.GetValue(config));
                await host.StartAsync(ct);
            }
#pragma warning disable CA1031 // Every start failure is reported with its exit code, never as a stack trace.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return StartupFailure.Report(ex, parse.InvocationConfiguration.Error, CentralHostBuilder.NotStarted);
            }

            using (host)
            {
                await host.WaitForShutdownAsync(ct);
            }

            return 0;
        });
        return command;
    }
}
