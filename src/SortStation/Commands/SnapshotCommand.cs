using System.CommandLine;
using System.Globalization;
using OpenCvSharp;
using SortStation.Core.Devices;
using SortStation.Kernel.Hosting;
using SortStation.Simulation;

namespace SortStation.Commands;

/// <summary><c>sortstation snapshot [--out FILE]</c>: one frame from the configured camera, saved as an image.</summary>
internal static class SnapshotCommand
{
    public static Command Create()
    {
        var output = new Option<FileInfo?>("--out") { Description = "Image file to write (.jpg or .png); default snapshot-<time>.jpg in the working directory." };
        var config = CommonOptions.Config();
        var command = new Command("snapshot", "Capture one frame from the camera and save it, to check focus, framing and light.") { output, config };
        command.SetAction((parse, ct) => RunAsync(parse, parse.GetValue(output), parse.GetValue(config), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, FileInfo? file, FileInfo? configFile, CancellationToken ct)
    {
        var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        using var host = TechnicianHost.TryOpen(configFile, error, out var exitCode);
        if (host is null)
        {
            return exitCode;
        }

        // The simulated camera shows the item under it: put one there.
        if (host.Services.GetService(typeof(SimulatedConveyor)) is SimulatedConveyor { Current: null } conveyor)
        {
            conveyor.Advance(1);
        }

        if (!host.TryGet<ICamera>(error, out var camera))
        {
            return ExitCodes.Failed;
        }

        output.WriteLine("Waiting for a frame from the camera...");
        Frame frame;
        try
        {
            frame = await camera.CaptureAsync(ct);
        }
        catch (DeviceFaultException ex)
        {
            error.WriteLine($"No frame: {ex.Message}");
            return ExitCodes.Failed;
        }

        file ??= new FileInfo($"snapshot-{frame.CapturedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.jpg");
        file.Directory?.Create();
        using (var mat = Mat.FromPixelData(frame.Height, frame.Width, MatType.CV_8UC3, frame.Pixels))
        {
            if (!Cv2.ImWrite(file.FullName, mat))
            {
                error.WriteLine($"{file.FullName}: could not write the image (use .jpg or .png).");
                return ExitCodes.Failed;
            }
        }

        output.WriteLine($"Saved {frame.Width}x{frame.Height} frame taken {frame.CapturedAt:HH:mm:ss.fff} to {file.FullName} (camera {camera.State}).");
        return ExitCodes.Ok;
    }
}
