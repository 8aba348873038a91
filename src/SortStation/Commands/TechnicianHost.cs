using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SortStation.Hosting;

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
            exitCode = StartupFailure.Report(ex, error);
            return null;
        }
    }

    public void Dispose() => _host.Dispose();
}
