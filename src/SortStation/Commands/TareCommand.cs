using System.CommandLine;
using Microsoft.Extensions.Options;
using SortStation.Core.Devices;
using SortStation.Hardware.Options;
using SortStation.Hardware.Scale;
using SortStation.Kernel.Hosting;

namespace SortStation.Commands;

/// <summary><c>sortstation tare</c>: takes the empty scale as zero, shows the result, optionally stores it in the calibration file.</summary>
internal static class TareCommand
{
    public static Command Create()
    {
        var samples = new Option<int?>("--samples") { Description = "Samples to average (default: Scale:TareSamples)." };
        var save = new Option<bool>("--save") { Description = "Store the zero in the calibration file (Scale:CalibrationFile; used when Scale:TareOnStart is false)." };
        var yes = TechnicianOptions.Yes();
        var config = CommonOptions.Config();
        var command = new Command("tare", "Zero the scale: empty it, read the zero, show the net reading after tare.") { samples, save, yes, config };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            using var host = TechnicianHost.TryOpen(parse.GetValue(config), parse.InvocationConfiguration.Error, out var exitCode);
            if (host is null)
            {
                return exitCode;
            }

            var options = host.Get<IOptions<ScaleOptions>>().Value;
            if (parse.GetValue(save) && CalibrationTarget.CannotWrite(options.CalibrationFile) is { } cannot)
            {
                parse.InvocationConfiguration.Error.WriteLine(cannot);
                return ExitCodes.Failed;
            }

            if (!host.TryGet<ICalibratableScale>(parse.InvocationConfiguration.Error, out var scale))
            {
                return ExitCodes.Failed;
            }

            var n = parse.GetValue(samples) ?? options.TareSamples;
            var prompt = new Prompt(parse.GetValue(yes), Console.In, output);
            if (!prompt.Step("Remove everything from the scale and keep the belt still."))
            {
                parse.InvocationConfiguration.Error.WriteLine("Tare cancelled.");
                return ExitCodes.Failed;
            }

            try
            {
                var zero = await ScaleSampling.ReadCountsAsync(scale, n, output, ct);
                await scale.TareAsync(1, ct);
                var net = await scale.ReadAsync(ct);
                output.WriteLine($"Zero: {zero:F0} counts; net reading after tare: {net} (should be 0.000 kg).");
                if (parse.GetValue(save))
                {
                    // The factor is kept: the file's when there is one, else the one the scale runs with.
                    var file = options.CalibrationFile;
                    var record = ScaleCalibrationFile.Read(file) ?? new ScaleCalibrationRecord(ScaleCalibrationRecord.CurrentSchema, scale.CountsPerKilogram, 0, TimeProvider.System.GetUtcNow(), null);
                    ScaleCalibrationFile.Write(file, record with { ZeroCounts = scale.ZeroCounts });
                    output.WriteLine($"Wrote the zero ({scale.ZeroCounts:F0} counts) to {file}.");
                }

                return ExitCodes.Ok;
            }
            catch (InvalidDataException ex)
            {
                parse.InvocationConfiguration.Error.WriteLine($"Not saved: {ex.Message}");
                return ExitCodes.Failed;
            }
            catch (DeviceFaultException ex)
            {
                parse.InvocationConfiguration.Error.WriteLine($"Scale fault: {ex.Message}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }
}
