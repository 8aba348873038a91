using System.CommandLine;
using Microsoft.Extensions.Options;
using SortStation.Core.Devices;
using SortStation.Core.Units;
using SortStation.Hardware.Options;
using SortStation.Hardware.Scale;
using SortStation.Kernel.Hosting;
using SortStation.Simulation;

namespace SortStation.Commands;

/// <summary>
/// <c>sortstation calibrate-scale --known-mass 1.000kg</c>: guided two-point calibration (empty, then the
/// known mass) that computes counts per kilogram and writes it into the named config file.
/// </summary>
internal static class CalibrateScaleCommand
{
    public static Command Create()
    {
        var known = TechnicianOptions.KnownMass();
        var write = new Option<FileInfo?>("--write") { Description = "Write Scale:CountsPerKilogram (and Scale:ZeroCounts) into this JSON config file, e.g. /etc/sortstation/sortstation.json." };
        var samples = new Option<int?>("--samples") { Description = "Samples to average per step (default: Scale:TareSamples)." };
        var yes = TechnicianOptions.Yes();
        var config = CommonOptions.Config();
        var command = new Command("calibrate-scale", "Calibrate the scale with a known mass: empty it, place the mass, store the factor.") { known, write, samples, yes, config };
        command.SetAction((parse, ct) => RunAsync(parse, parse.GetValue(known), parse.GetValue(write), parse.GetValue(samples), parse.GetValue(yes), parse.GetValue(config), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, Mass known, FileInfo? write, int? samples, bool yes, FileInfo? configFile, CancellationToken ct)
    {
        var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        using var host = TechnicianHost.TryOpen(configFile, error, out var exitCode);
        if (host is null)
        {
            return exitCode;
        }

        if (write is not null && ConfigFileWriter.CannotWrite(write) is { } cannot)
        {
            error.WriteLine(cannot);
            return ExitCodes.Failed;
        }

        if (!host.TryGet<ICalibratableScale>(error, out var scale))
        {
            return ExitCodes.Failed;
        }

        var simulated = scale as SimulatedScale;
        var n = samples ?? host.Get<IOptions<ScaleOptions>>().Value.TareSamples;
        var prompt = new Prompt(yes, Console.In, output);
        try
        {
            output.WriteLine($"Calibrating with {known}. Current factor: {scale.CountsPerKilogram:F1} counts/kg.");
            if (!prompt.Step("Step 1/2: remove everything from the scale."))
            {
                return Cancelled(error);
            }

            var empty = await ScaleSampling.ReadCountsAsync(scale, n, output, ct);
            if (!prompt.Step($"Step 2/2: place the {known} reference mass in the middle of the scale."))
            {
                return Cancelled(error);
            }

            simulated?.PlacedLoad = known; // the simulator has no hands: it places the mass itself
            var loaded = await ScaleSampling.ReadCountsAsync(scale, n, output, ct);
            var factor = ScaleCalibration.FactorFrom(empty, loaded, known);
            scale.Calibrate(factor);
            var check = new ScaleCalibration(empty, factor).ToMass(loaded);
            output.WriteLine($"Empty {empty:F0} counts, loaded {loaded:F0} counts → {factor:F1} counts/kg (the mass now reads {check}).");
            var values = new Dictionary<string, double> { ["CountsPerKilogram"] = factor, ["ZeroCounts"] = empty };
            if (write is not null)
            {
                ConfigFileWriter.Set(write, ScaleOptions.Section, values);
                output.WriteLine($"Wrote {ConfigFileWriter.Describe(ScaleOptions.Section, values)} to {write.FullName}. Restart the service to use it.");
            }
            else
            {
                output.WriteLine($"Not written (no --write FILE). Put {ConfigFileWriter.Describe(ScaleOptions.Section, values)} in the config.");
            }

            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is DeviceFaultException or InvalidOperationException)
        {
            error.WriteLine($"Calibration failed: {ex.Message}");
            return ExitCodes.Failed;
        }
        finally
        {
            simulated?.PlacedLoad = null;
        }
    }

    private static int Cancelled(TextWriter error)
    {
        error.WriteLine("Calibration cancelled; nothing was written.");
        return ExitCodes.Failed;
    }
}
