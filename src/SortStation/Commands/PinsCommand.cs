using System.CommandLine;
using Microsoft.Extensions.Configuration;
using SortStation.Core.Options;
using SortStation.Hardware.Options;
using SortStation.Hardware.Pins;
using SortStation.Hosting;
using SortStation.Kernel.Hosting;
using SortStation.Operations;

namespace SortStation.Commands;

/// <summary><c>sortstation pins</c>: the configured pin map as a table, conflicts marked.</summary>
internal static class PinsCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var command = new Command("pins", "Print the GPIO pin map (BCM, header pin, function, direction) from the configuration; exit 2 on a conflict.") { config };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            HardwareLayout layout;
            HardwareMode mode;
            try
            {
                var configuration = StationConfiguration.Build(parse.GetValue(config));
                layout = configuration.Get<HardwareLayout>() ?? new HardwareLayout();
                mode = configuration.GetValue($"{StationOptions.Section}:{nameof(StationOptions.Hardware)}", HardwareMode.Simulated);
            }
#pragma warning disable CA1031 // A config file that cannot be read is reported with exit code 2.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return StartupFailure.Report(ex, parse.InvocationConfiguration.Error, StationHostBuilder.NotStarted);
            }

            var map = PinMap.Build(layout);
            var clashes = PinMap.Conflicts(map).Select(g => g.Key).ToHashSet();
            var outside = map.Where(p => !BoardPins.IsGpio(p.Bcm)).Select(p => p.Bcm).ToHashSet();
            output.WriteLine($"Pin map (Station:Hardware = {mode}{(mode == HardwareMode.Simulated ? ": simulated, no pin is driven" : string.Empty)})");
            output.WriteLine($"{"BCM",-8}{"Header",-8}{"Function",-18}{"Dir",-5}{"Detail",-34}Key");
            foreach (var p in map.OrderBy(p => p.Bcm).ThenBy(p => p.Function, StringComparer.Ordinal))
            {
                var header = BoardPins.IsGpio(p.Bcm) ? BoardPins.HeaderPin(p.Bcm).ToString(System.Globalization.CultureInfo.InvariantCulture) : "-";
                var flag = clashes.Contains(p.Bcm) ? "  << CONFLICT" : outside.Contains(p.Bcm) ? "  << NOT ON HEADER" : string.Empty;
                output.WriteLine($"{"GPIO" + p.Bcm,-8}{header,-8}{p.Function,-18}{p.Direction,-5}{p.Detail,-34}{p.Key}{flag}");
            }

            output.WriteLine("Power: 5 V on header pins 2/4, 3.3 V on 1/17, GND on 6/9/14/20/25/30/34/39 (hardware/README.md).");
            if (clashes.Count > 0 || outside.Count > 0)
            {
                parse.InvocationConfiguration.Error.WriteLine("Pin map has errors: give every function its own GPIO between BCM 2 and 27.");
                return ExitCodes.ConfigError;
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
