using System.CommandLine;
using Microsoft.Extensions.Options;
using SortStation.Core.Options;

namespace SortStation.Commands;

/// <summary><c>sortstation check-config</c>: validates every section (and the pin map) without driving anything.</summary>
internal static class CheckConfigCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var command = new Command("check-config", "Validate the whole configuration (all sections, pin map) and exit 0, or 2 with every error and its fix.") { config };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            using var host = TechnicianHost.TryOpen(parse.GetValue(config), parse.InvocationConfiguration.Error, out var exitCode);
            if (host is null)
            {
                return exitCode;
            }

            var station = host.Get<IOptions<StationOptions>>().Value;
            if (station.Hardware == HardwareMode.Simulated && HardwareSectionsCheck.Failures(parse.GetValue(config)) is { Count: > 0 } failures)
            {
                var error = parse.InvocationConfiguration.Error;
                error.WriteLine("Configuration error in the hardware sections (not used while Station:Hardware is Simulated, but needed on the Pi):");
                foreach (var failure in failures)
                {
                    error.WriteLine($"  {failure}");
                }

                return ExitCodes.ConfigError;
            }

            var sorting = host.Get<IOptions<SortingOptions>>().Value;
            var gated = sorting.Bins.Count(b => b.Value.Gate != GateKind.None);
            output.WriteLine($"Configuration OK: station {station.Id}, hardware {station.Hardware}, {sorting.Bins.Count} bins ({gated} with gates), reject bin '{sorting.RejectBin}'.");
            GateCapacityReport.Write(output, sorting, host.Get<IOptions<BeltOptions>>().Value, parse.GetValue(config));
            output.WriteLine("Next: sortstation pins, then snapshot, tare, calibrate-scale and test-gate (hardware/README.md).");
            return ExitCodes.Ok;
        });
        return command;
    }
}
