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
/// known mass) that computes counts per kilogram and writes it, with the empty scale's counts, to the
/// calibration file (Scale:CalibrationFile) that the scale driver reads at start.
/// </summary>
internal static class CalibrateScaleCommand
{
    public static Command Create()
    {
        var known = TechnicianOptions.KnownMass();
        var dryRun = new Option<bool>("--dry-run") { Description = "Measure and show the factor, but do not write the calibration file (Scale:CalibrationFile)." };
        var samples = new Option<int?>("--samples") { Description = "Samples to average per step (default: Scale:TareSamples)." };
        var yes = TechnicianOptions.Yes();
        var config = CommonOptions.Config();
        var command = new Command("calibrate-scale", "Calibrate the scale with a known mass: empty it, place the mass, store the factor.") { known, dryRun, samples, yes, config };
        command.SetAction((parse, ct) => RunAsync(parse, parse.GetValue(known), parse.GetValue(dryRun), parse.GetValue(samples), parse.GetValue(yes), parse.GetValue(config), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, Mass known, bool dryRun, int? samples, bool yes, FileInfo? configFile, CancellationToken ct)
    {
        var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        using var host = TechnicianHost.TryOpen(configFile, error, out var exitCode);
        if (host is null)
        {
            return exitCode;
        }

        var options = host.Get<IOptions<ScaleOptions>>().Value;
        var file = options.CalibrationFile;
        if (!dryRun && CalibrationTarget.CannotWrite(file) is { } cannot)
        {
            error.WriteLine(cannot);
            return ExitCodes.Failed;
        }

        if (!host.TryGet<ICalibratableScale>(error, out var scale))
        {
            return ExitCodes.Failed;
        }

        var simulated = scale as SimulatedScale;
        var n = samples ?? options.TareSamples;
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
            if (dryRun)
            {
                output.WriteLine($"Not written (--dry-run); {file} is unchanged.");
            }
            else
            {
                ScaleCalibrationFile.Write(file, new ScaleCalibrationRecord(ScaleCalibrationRecord.CurrentSchema, factor, empty, TimeProvider.System.GetUtcNow(), known.Kilograms));
                output.WriteLine($"Wrote the calibration to {file}. Restart the service to use it.");
            }

            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is DeviceFaultException or InvalidOperationException or IOException or UnauthorizedAccessException)
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
