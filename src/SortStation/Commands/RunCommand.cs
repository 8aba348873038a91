using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SortStation.Core.Pipeline;
using SortStation.Hosting;
using SortStation.Operations;

namespace SortStation.Commands;

/// <summary><c>sortstation run</c>: the service, until SIGTERM or Ctrl+C.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var command = new Command("run", "Run the station service with the hardware chosen by Station:Hardware.") { config };
        command.SetAction(async (parse, ct) =>
        {
            IHost host;
            try
            {
                host = StationHostBuilder.Build(parse.GetValue(config));
                ModelStartupCheck.Run(host.Services); // label lists, strict labels: exit 2 before any gate exists
                await host.StartAsync(ct);
            }
#pragma warning disable CA1031 // Every start failure is reported with its exit code, never as a stack trace.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return StartupFailure.Report(ex, Console.Error, StationHostBuilder.NotStarted);
            }

            using (host)
            {
                await host.WaitForShutdownAsync(ct);

                // The host stops when the sorting loop dies; a non-zero exit lets systemd's
                // Restart=on-failure bring the station back.
                var loop = host.Services.GetRequiredService<SortingRun>().Completed;
                if (loop.IsFaulted)
                {
                    await Console.Error.WriteLineAsync($"Sorting loop failed: {loop.Exception!.InnerException!.Message}");
                    return ExitCodes.Failed;
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
