using System.CommandLine;
using Microsoft.Extensions.Options;
using SortStation.Core.Devices;
using SortStation.Hardware.Options;
using SortStation.Kernel.Hosting;

namespace SortStation.Commands;

/// <summary><c>sortstation tare</c>: takes the empty scale as zero, shows the result, optionally stores it.</summary>
internal static class TareCommand
{
    public static Command Create()
    {
        var samples = new Option<int?>("--samples") { Description = "Samples to average (default: Scale:TareSamples)." };
        var write = new Option<FileInfo?>("--write") { Description = "Store the zero as Scale:ZeroCounts in this JSON config file (used when Scale:TareOnStart is false)." };
        var yes = TechnicianOptions.Yes();
        var config = CommonOptions.Config();
        var command = new Command("tare", "Zero the scale: empty it, read the zero, show the net reading after tare.") { samples, write, yes, config };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            using var host = TechnicianHost.TryOpen(parse.GetValue(config), parse.InvocationConfiguration.Error, out var exitCode);
            if (host is null)
            {
                return exitCode;
            }

            if (parse.GetValue(write) is { } target && ConfigFileWriter.CannotWrite(target) is { } cannot)
            {
                parse.InvocationConfiguration.Error.WriteLine(cannot);
                return ExitCodes.Failed;
            }

            if (!host.TryGet<ICalibratableScale>(parse.InvocationConfiguration.Error, out var scale))
            {
                return ExitCodes.Failed;
            }

            var n = parse.GetValue(samples) ?? host.Get<IOptions<ScaleOptions>>().Value.TareSamples;
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
                if (parse.GetValue(write) is { } file)
                {
                    var values = new Dictionary<string, double> { ["ZeroCounts"] = scale.ZeroCounts };
                    ConfigFileWriter.Set(file, ScaleOptions.Section, values);
                    output.WriteLine($"Wrote {ConfigFileWriter.Describe(ScaleOptions.Section, values)} to {file.FullName}.");
                }

                return ExitCodes.Ok;
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
