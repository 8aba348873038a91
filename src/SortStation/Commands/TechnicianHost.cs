using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SortStation.Hosting;
using SortStation.Kernel.Hosting;
using SortStation.Operations;

namespace SortStation.Commands;

/// <summary>
/// The station's services for a technician command: the whole configuration is validated (a bad pin map
/// exits with code 2 before any output is driven), but the sorting loop is not started.
/// Stop the service first (systemctl stop sortstation): two processes cannot share the GPIOs.
/// </summary>
internal sealed class TechnicianHost : IDisposable
{
    private readonly IHost _host;

    private TechnicianHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>
    /// Resolves a device; when its driver cannot open the hardware (no GPIO chip, no permission, no camera)
    /// prints why and returns false instead of a stack trace.
    /// </summary>
    public bool TryGet<T>(TextWriter error, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? device)
        where T : class
    {
        try
        {
            device = Get<T>();
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or Core.Devices.DeviceFaultException)
        {
            error.WriteLine($"Hardware not available: {ex.Message}");
            device = null;
            return false;
        }
    }

    /// <summary>Builds the host, or reports why not and returns the exit code in <paramref name="exitCode"/>.</summary>
    public static TechnicianHost? TryOpen(FileInfo? configFile, TextWriter error, out int exitCode)
    {
        try
        {
            exitCode = ExitCodes.Ok;
            return new TechnicianHost(StationHostBuilder.Build(configFile));
        }
#pragma warning disable CA1031 // Every start failure is reported with its exit code, never as a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            exitCode = StartupFailure.Report(ex, error, StationHostBuilder.NotStarted);
            return null;
        }
    }

    public void Dispose() => _host.Dispose();
}
