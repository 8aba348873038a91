using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SortStation.Core.Pipeline;
using SortStation.Hosting;
using SortStation.Kernel.Hosting;

namespace SortStation.Commands;

/// <summary><c>sortstation run</c>: the service, until SIGTERM or Ctrl+C.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var command = new Command("run", "Run the station service with the hardware chosen by Station:Hardware.") { config };
        command.SetAction((parse, ct) => ServiceRun.RunAsync(
            () => StationHostBuilder.Build(parse.GetValue(config)),
            StationHostBuilder.NotStarted,
            Console.Error,
            check: services => ModelStartupCheck.Run(services), // label lists, strict labels: exit 2 before any gate exists
            failure: LoopFailure,
            cancellationToken: ct));
        return command;
    }

    // The host stops when the sorting loop dies; a non-zero exit lets systemd's Restart=on-failure bring the station back.
    private static string? LoopFailure(IServiceProvider services) =>
        services.GetRequiredService<SortingRun>().Completed is { IsFaulted: true } loop
            ? $"Sorting loop failed: {loop.Exception!.InnerException!.Message}"
            : null;
}
