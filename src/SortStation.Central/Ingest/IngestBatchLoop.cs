using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SortStation.Central.Options;
using SortStation.Kernel.Timing;

namespace SortStation.Central.Ingest;

/// <summary>
/// Takes up to Mqtt:ReceiveMaximum queued messages, validates, commits them in one transaction
/// (retrying with back-off while the database is down) and only then sends their PUBACKs.
/// </summary>
internal sealed partial class IngestBatchLoop(ChannelReader<PendingMessage> queue, IngestPipeline pipeline, CentralMqttOptions mqtt, TimeProvider time, ILogger log)
{
    public async Task RunAsync(Func<long> currentConnection, Func<bool> isConnected, CancellationToken ct)
    {
        // The loop must never die silently: ingest would stop while the service looks healthy.
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(currentConnection, isConnected, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                LogLoopFailed(ex);
                await Task.Delay(TimeSpan.FromSeconds(1), time, ct).ContinueWith(static _ => { }, TaskScheduler.Default);
            }
            catch (OperationCanceledException)
            {
                // Whatever is queued or uncommitted was not acknowledged: the broker delivers it again.
                return;
            }
        }
    }

    private async Task DrainAsync(Func<long> currentConnection, Func<bool> isConnected, CancellationToken ct)
    {
        var batch = new List<PendingMessage>(mqtt.ReceiveMaximum);
        var retry = new Backoff(TimeSpan.FromSeconds(mqtt.ReconnectMinSeconds), TimeSpan.FromSeconds(mqtt.ReconnectMaxSeconds), new Random());
        while (await queue.WaitToReadAsync(ct))
        {
            batch.Clear();
            while (batch.Count < mqtt.ReceiveMaximum && queue.TryRead(out var item))
            {
                batch.Add(item);
            }

            var messages = batch.Select(p => p.Message).ToArray();
            PreparedBatch? prepared = null;
            while (true)
            {
                try
                {
                    // Prepared once (each rejection is logged once); preparing reads the station registry, so it is retried too.
                    prepared ??= await pipeline.PrepareAsync(messages, ct);
                    await pipeline.CommitAsync(prepared, ct);
                    retry.Reset();
                    break;
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    LogStoreFailed(batch.Count, ex.Message);
                    await Task.Delay(retry.Next(), time, ct);
                }
            }

            await AcknowledgeAsync(batch, currentConnection(), isConnected, ct);
        }
    }

    private async Task AcknowledgeAsync(List<PendingMessage> batch, long current, Func<bool> isConnected, CancellationToken ct)
    {
        foreach (var pending in batch)
        {
            // A packet id of an earlier connection may name another message now; the broker re-sends those anyway.
            if (pending.Connection != current || !isConnected())
            {
                continue;
            }

            try
            {
                await pending.Receipt.AcknowledgeAsync(ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                LogAckFailed(ex.Message);
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "Storing a batch of {Count} weighings failed ({Error}); retrying, nothing is acknowledged meanwhile")]
    private partial void LogStoreFailed(int count, string error);

    [LoggerMessage(LogLevel.Error, "Ingest loop failed; restarting it (unacknowledged weighings are delivered again)")]
    private partial void LogLoopFailed(Exception ex);

    [LoggerMessage(LogLevel.Debug, "Acknowledging a weighing failed ({Error}); the broker will deliver it again")]
    private partial void LogAckFailed(string error);
}
