using Microsoft.Extensions.Logging;
using MQTTnet;
using SortStation.Kernel.Timing;

namespace SortStation.Mqtt;

/// <summary>
/// The connection loop both hosts run around their MQTT client (the station's publisher, central's ingest):
/// CONNECT with the host's packet (v5, persistent session, its will), the host's session set-up (the station's
/// birth message, central's subscriptions), then the host's work until the connection is lost. Any failure is
/// counted, logged once per outage (then at Debug) and followed by a jittered back-off before the next try.
/// </summary>
public sealed class MqttSessionLoop
{
    private readonly IMqttClient _client;
    private readonly MqttConnectionOptions _mqtt;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Backoff _backoff;
    private readonly MqttOutageLog _outage;
    private long _attempts;
    private long _failures;

    /// <param name="kept">What waits meanwhile, for the outage log (e.g. "12 records kept in the outbox").</param>
    public MqttSessionLoop(IMqttClient client, MqttConnectionOptions mqtt, TimeProvider time, ILogger log, Func<string> kept)
    {
        ArgumentNullException.ThrowIfNull(mqtt);
        (_client, _mqtt, _time, _log) = (client, mqtt, time, log);
        _backoff = new Backoff(TimeSpan.FromSeconds(mqtt.ReconnectMinSeconds), TimeSpan.FromSeconds(mqtt.ReconnectMaxSeconds), new Random());
        _outage = new MqttOutageLog(mqtt, log, kept);
    }

    /// <summary>CONNECT attempts since start.</summary>
    public long ConnectAttempts => Interlocked.Read(ref _attempts);

    /// <summary>Failed connects and failed session work since start.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>The last connection or session error, without secrets; null while connected.</summary>
    public string? LastError => _outage.LastError;

    /// <summary>
    /// Runs <paramref name="session"/> until <paramref name="stoppingToken"/> is cancelled: it returns to be run
    /// again at once, and throws to be run again after the back-off.
    /// </summary>
    public async Task RunAsync(Func<CancellationToken, Task> session, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await session(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Any broker or network failure means: wait, reconnect, retry; what is unacknowledged stays where it is.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _failures);
                _outage.Report(ex);
                await Task.Delay(_backoff.Next(), _time, stoppingToken).ContinueWith(static _ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>
    /// CONNECT with <paramref name="packet"/>, then <paramref name="setUp"/> on the new connection; a refusal by
    /// the broker throws <see cref="MqttBrokerRefusedException"/>. Success resets the back-off and ends the outage.
    /// </summary>
    public async Task<MqttClientConnectResult> ConnectAsync(MqttClientOptions packet, Func<CancellationToken, Task> setUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packet);
        ArgumentNullException.ThrowIfNull(setUp);
        var attempt = Interlocked.Increment(ref _attempts);
        _log.LogDebug("Connecting to MQTT broker {Broker} as {ClientId} (attempt {Attempt})", _mqtt.Broker, packet.ClientId, attempt);
        var result = await _client.ConnectAsync(packet, cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new MqttBrokerRefusedException(result.ResultCode, result.ReasonString);
        }

        await setUp(cancellationToken);
        _backoff.Reset();
        _outage.Recovered(packet.ClientId, result.IsSessionPresent);
        return result;
    }
}
