using Microsoft.Extensions.Logging;
using MQTTnet;

namespace SortStation.Mqtt.Tests;

/// <summary>The one session loop of both hosts: retry after a failure, once-per-outage logging, no back-off after a clean turn.</summary>
public sealed class MqttSessionLoopTests : IDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly Entries _log = new();
    private readonly CancellationTokenSource _stop = new();

    [Fact]
    public async Task RunAsync_SessionFailsRepeatedly_RetriesAndWarnsOncePerOutage()
    {
        var loop = Loop();
        var turns = 0;

        await loop.RunAsync(_ => ++turns <= 3 ? throw new IOException("connection refused") : Stop(), _stop.Token);

        Assert.Equal((4, 3L), (turns, loop.Failures));
        var warning = Assert.Single(_log, e => e.Level >= LogLevel.Warning);
        Assert.Contains("connection refused", warning.Message, StringComparison.Ordinal);
        Assert.Contains("3 records kept", warning.Message, StringComparison.Ordinal);
        Assert.Equal(2, _log.Count(e => e.Level == LogLevel.Debug && e.Message.Contains("still unavailable", StringComparison.Ordinal)));
        Assert.Equal("connection refused", loop.LastError);
    }

    [Fact]
    public async Task RunAsync_SessionReturns_RunsAgainWithoutAFailure()
    {
        var loop = Loop();
        var turns = 0;

        await loop.RunAsync(_ => ++turns < 3 ? Task.CompletedTask : Stop(), _stop.Token);

        Assert.Equal((3, 0L), (turns, loop.Failures));
        Assert.DoesNotContain(_log, e => e.Level >= LogLevel.Warning);
    }

    public void Dispose()
    {
        _client.Dispose();
        _stop.Dispose();
    }

    // A 1 ms back-off: the test is about what is retried and logged, not about the waits (BackoffTests).
    private MqttSessionLoop Loop() =>
        new(_client, new TestOptions { ReconnectMinSeconds = 0.001, ReconnectMaxSeconds = 0.001 }, TimeProvider.System, _log, () => "3 records kept");

    private Task Stop()
    {
        _stop.Cancel();
        throw new OperationCanceledException(_stop.Token);
    }

    private sealed class Entries : List<(LogLevel Level, string Message)>, ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (this)
            {
                Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
