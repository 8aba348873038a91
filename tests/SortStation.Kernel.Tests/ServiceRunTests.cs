using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SortStation.Kernel.Hosting;

namespace SortStation.Kernel.Tests;

/// <summary>Both services start and end through one skeleton: build, check, start, wait, exit code.</summary>
public sealed class ServiceRunTests
{
    [Fact]
    public async Task RunAsync_CheckFailsWithAConfigurationError_ExitCode2AndNeverStarted()
    {
        var host = new StubHost();
        using var error = new StringWriter();

        var exit = await ServiceRun.RunAsync(() => host, "nothing was started", error, check: _ => throw new OptionsValidationException("Sorting", typeof(object), ["Sorting:StrictLabels = true: glass has no route."]));

        Assert.Equal(ExitCodes.ConfigError, exit);
        Assert.False(host.Started);
        Assert.Contains("Configuration error — nothing was started:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ServiceReportsAFailureAfterStopping_ExitCode1WithTheReason()
    {
        var host = new StubHost();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();

        var exit = await ServiceRun.RunAsync(() => host, "not started", error, failure: _ => "Sorting loop failed: camera gone", cancellationToken: stop.Token);

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.True(host.Started && host.Stopped && host.Disposed);
        Assert.Equal("Sorting loop failed: camera gone", error.ToString().Trim());
    }

    [Fact]
    public async Task RunAsync_CleanStop_ExitCode0()
    {
        var host = new StubHost();
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();

        Assert.Equal(ExitCodes.Ok, await ServiceRun.RunAsync(() => host, "not started", TextWriter.Null, failure: _ => null, cancellationToken: stop.Token));
        Assert.True(host.Stopped);
    }

    private sealed class StubHost : IHost, IServiceProvider, IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _stopping = new();

        public bool Started { get; private set; }

        public bool Stopped { get; private set; }

        public bool Disposed { get; private set; }

        public IServiceProvider Services => this;

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => _stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public object? GetService(Type serviceType) => serviceType == typeof(IHostApplicationLifetime) ? this : null;

        public Task StartAsync(CancellationToken cancellationToken = default)
        {
            Started = true;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken = default)
        {
            Stopped = true;
            return Task.CompletedTask;
        }

        public void StopApplication() => _stopping.Cancel();

        public void Dispose()
        {
            _stopping.Dispose();
            Disposed = true;
        }
    }
}
