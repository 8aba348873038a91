using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SortStation.Kernel.Hosting;

/// <summary>
/// How both services start and end: build the host with every section validated before anything is
/// constructed, run the service's own checks, start, wait for SIGTERM or Ctrl+C, and report the outcome as
/// the documented exit code (<see cref="StartupFailure"/> for a failed start: 2 for configuration, else 1).
/// </summary>
public static class ServiceRun
{
    /// <summary>
    /// Validates every options section of <paramref name="host"/> now, so all errors are reported together before
    /// a hosted service (and anything it drives, such as a gate) is constructed; the host would otherwise build
    /// them first and report only the first bad section.
    /// </summary>
    public static IHost Validated(IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        host.Services.GetService<IStartupValidator>()?.Validate();
        return host;
    }

    /// <param name="build">Builds the validated host (<see cref="Validated"/>).</param>
    /// <param name="notStarted">What a failed start did not do, e.g. "the station was not started and no gate was energised".</param>
    /// <param name="error">Standard error.</param>
    /// <param name="check">The service's own checks before start (throwing a configuration error means exit 2).</param>
    /// <param name="failure">After the host stopped: why the run failed (exit 1), or null.</param>
    /// <param name="cancellationToken">Stops the service, as SIGTERM does.</param>
    public static async Task<int> RunAsync(
        Func<IHost> build,
        string notStarted,
        TextWriter error,
        Action<IServiceProvider>? check = null,
        Func<IServiceProvider, string?>? failure = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(error);
        IHost host;
        try
        {
            host = build();
            check?.Invoke(host.Services);
            await host.StartAsync(cancellationToken);
        }
#pragma warning disable CA1031 // Every start failure is reported with its exit code, never as a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return StartupFailure.Report(ex, error, notStarted);
        }

        using (host)
        {
            await host.WaitForShutdownAsync(cancellationToken);
            if (failure?.Invoke(host.Services) is { } why)
            {
                await error.WriteLineAsync(why);
                return ExitCodes.Failed;
            }
        }

        return ExitCodes.Ok;
    }
}
