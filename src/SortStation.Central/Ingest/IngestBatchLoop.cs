using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SortStation.Central.Options;

namespace SortStation.Central.Ingest;

/// <summary>
/// Takes up to Mqtt:ReceiveMaximum queued messages, validates, commits them in one transaction
/// (retrying with back-off while the database is down) and only then sends their PUBACKs.
/// </summary>
internal sealed partial class IngestBatchLoop(ChannelReader<PendingMessage> queue, IngestPipeline pipeline, CentralMqttOptions mqtt, TimeProvider time, ILogger log)
{
    public async Task RunAsync(Func<long> currentConnection, Func<bool> isConnected, CancellationToken ct)
    {
        var batch = new List<PendingMessage>(mqtt.ReceiveMaximum);
        var retry = new Backoff(TimeSpan.FromSeconds(mqtt.ReconnectMinSeconds), TimeSpan.FromSeconds(mqtt.ReconnectMaxSeconds), new Random());
        try
        {
            while (await queue.WaitToReadAsync(ct))
            {
                batch.Clear();
                while (batch.Count < mqtt.ReceiveMaximum && queue.TryRead(out var item))
                {
                    batch.Add(item);
                }

                var prepared = pipeline.Prepare([.. batch.Select(p => p.Message)]);
                while (true)
                {
                    try
                    {
                        await pipeline.CommitAsync(prepared, ct);
                        retry.Reset();
                        break;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        LogStoreFailed(batch.Count, ex.Message);
                        await Task.Delay(retry.Next(), time, ct);
                    }
                }

                await AcknowledgeAsync(batch, currentConnection(), isConnected, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Whatever is queued or uncommitted was not acknowledged: the broker delivers it again.
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
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogAckFailed(ex.Message);
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "Storing a batch of {Count} weighings failed ({Error}); retrying, nothing is acknowledged meanwhile")]
    private partial void LogStoreFailed(int count, string error);

    [LoggerMessage(LogLevel.Debug, "Acknowledging a weighing failed ({Error}); the broker will deliver it again")]
    private partial void LogAckFailed(string error);
}
