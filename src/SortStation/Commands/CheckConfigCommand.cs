using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SortStation.Core.Options;
using SortStation.Hosting;
using SortStation.Kernel.Hosting;

namespace SortStation.Commands;

/// <summary>
/// <c>sortstation check-config</c>: validates every section (and the pin map, and the belt layout), prints each
/// gate's items/s, loads the model and runs it on a sample frame, and probes the files it would write, without driving anything.
/// </summary>
internal static class CheckConfigCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var command = new Command("check-config", "Validate the whole configuration (all sections, pin map, the model, the files it writes) and exit 0, or 2 with every error and its fix.") { config };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            using var host = TechnicianHost.TryOpen(parse.GetValue(config), parse.InvocationConfiguration.Error, out var exitCode);
            if (host is null)
            {
                return exitCode;
            }

            var station = host.Get<IOptions<StationOptions>>().Value;
            var error = parse.InvocationConfiguration.Error;
            if (station.Hardware == HardwareMode.Simulated && HardwareSectionsCheck.Failures(parse.GetValue(config)) is { Count: > 0 } failures)
            {
                return Fail(error, "Configuration error in the hardware sections (not used while Station:Hardware is Simulated, but needed on the Pi):", failures);
            }

            using var summary = new StringWriter();
            var problems = ModelReadiness.Check(host.Services, summary).Concat(WrittenPaths.Check(host.Get<IConfiguration>())).ToArray();
            if (problems.Length > 0)
            {
                output.Write(summary.ToString());
                return Fail(error, $"Configuration error — {StationHostBuilder.NotStarted}:", problems);
            }

            var sorting = host.Get<IOptions<SortingOptions>>().Value;
            var gated = sorting.Bins.Count(b => b.Value.Gate != GateKind.None);
            output.WriteLine($"Configuration OK: station {station.Id}, hardware {station.Hardware}, {sorting.Bins.Count} bins ({gated} with gates), reject bin '{sorting.RejectBin}'.");
            GateCapacityReport.Write(output, sorting, host.Get<IOptions<BeltOptions>>().Value, parse.GetValue(config));
            output.Write(summary.ToString());
            output.WriteLine("Next: sortstation pins, then snapshot, tare, calibrate-scale and test-gate (hardware/README.md).");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int Fail(TextWriter error, string headline, IEnumerable<string> problems)
    {
        error.WriteLine(headline);
        foreach (var problem in problems)
        {
            error.WriteLine($"  {problem}");
        }

        return ExitCodes.ConfigError;
    }
}
