using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SortStation.Core.Devices;
using SortStation.Hardware.Camera;
using SortStation.Hardware.Options;

namespace SortStation.Hardware.Safety;

/// <summary>
/// Brings the devices up in a safe order (every gate at its safe level first, then the camera reader and
/// the tare of the empty scale) and puts the gates back in their safe state on stop and on an unhandled
/// exception anywhere in the process.
/// </summary>
public sealed class HardwareStartup(
    IEnumerable<IGate> gates,
    ICalibratableScale scale,
    ICamera camera,
    ScaleOptions scaleOptions,
    ILogger<HardwareStartup> log) : IHostedService, IDisposable
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        EnterSafeState();
        AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
        (camera as StreamingCamera)?.Start();
        if (scaleOptions.TareOnStart)
        {
            try
            {
                await scale.TareAsync(scaleOptions.TareSamples, cancellationToken);
            }
            catch (DeviceFaultException ex)
            {
                // The station still sorts by image; weights are recorded as missing until the scale answers.
                log.LogError("Tare at start failed: {Reason}", ex.Message);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        EnterSafeState();
        return Task.CompletedTask;
    }

    public void Dispose() => AppDomain.CurrentDomain.UnhandledException -= OnUnhandledException;

    internal void OnUnhandledException(object? sender, UnhandledExceptionEventArgs e)
    {
        log.LogCritical(e.ExceptionObject as Exception, "Unhandled exception: driving every gate to its safe state");
        EnterSafeState();
    }

    private void EnterSafeState()
    {
        foreach (var gate in gates)
        {
            try
            {
                gate.EnterSafeState();
            }
#pragma warning disable CA1031 // Safe state must reach every gate even if one driver throws.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                log.LogError(ex, "Gate {Bin} could not be driven to its safe state", gate.Bin);
            }
        }
    }
}
