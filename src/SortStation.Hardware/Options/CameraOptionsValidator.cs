using Microsoft.Extensions.Options;
using SortStation.Core.Options;
using SortStation.Kernel.Options;

namespace SortStation.Hardware.Options;

/// <summary>Rules of <see cref="CameraOptions"/>.</summary>
public sealed class CameraOptionsValidator : IValidateOptions<CameraOptions>
{
    private const string S = CameraOptions.Section;

    public ValidateOptionsResult Validate(string? name, CameraOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ConfigErrors();
        if (options.ReplayFile is null && string.IsNullOrWhiteSpace(options.Device))
        {
            errors.Add($"{S}:Device", options.Device, "no camera device is set.", "use 0 or /dev/video0 (list them with v4l2-ctl --list-devices).");
        }

        if (options.ReplayFile is not null && (AppPaths.Resolve(options.ReplayFile) is not { } file || !File.Exists(file)))
        {
            errors.Add($"{S}:ReplayFile", options.ReplayFile, "the video file does not exist.", "point it at a recorded video (e.g. .mp4, .avi) or set it to null to use the camera.");
        }

        if (options.Width is < 64 or > 4096 || options.Height is < 64 or > 4096)
        {
            errors.Add($"{S}:Width", $"{options.Width}x{options.Height}", "frames must be 64–4096 pixels each way.", "use a mode the camera lists (v4l2-ctl --list-formats-ext), e.g. 640x480.");
        }

        if (options.Fps is < 1 or > 120)
        {
            errors.Add($"{S}:Fps", options.Fps, "must be between 1 and 120.", "use 30.");
        }

        if (options.Exposure is <= 0)
        {
            errors.Add($"{S}:Exposure", options.Exposure, "must be positive, or null for automatic exposure.", "use null, or e.g. 100 (10 ms) for a fast belt under bright light.");
        }

        if (options.WhiteBalanceKelvin is < 2000 or > 10_000)
        {
            errors.Add($"{S}:WhiteBalanceKelvin", options.WhiteBalanceKelvin, "must be 2000–10000 K, or null for automatic.", "use null, or 4600 for LED strip lighting.");
        }

        if (options.FrameTimeoutMilliseconds is < 50 or > 60_000)
        {
            errors.Add($"{S}:FrameTimeoutMilliseconds", options.FrameTimeoutMilliseconds, "must be 50–60000 ms.", "use 1000.");
        }

        if (options.ReconnectMinMilliseconds < 10 || options.ReconnectMaxMilliseconds < options.ReconnectMinMilliseconds)
        {
            errors.Add($"{S}:ReconnectMinMilliseconds", options.ReconnectMinMilliseconds, "must be at least 10 ms and not above ReconnectMaxMilliseconds.", "use 500 and 10000.");
        }

        return errors.ToResult();
    }
}
