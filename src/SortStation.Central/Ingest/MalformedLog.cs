using Microsoft.Extensions.Logging;

namespace SortStation.Central.Ingest;

/// <summary>
/// Logs rejected messages, at most <see cref="PerWindow"/> per minute: a misbehaving station sending
/// thousands must not flood the journal. The suppressed number is logged when the next minute starts.
/// Topic and message are escaped (<see cref="PrintableText.Escape"/>): they come from the sender, and an ESC
/// or CRLF in them must not reach the terminal or fake a journal line.
/// </summary>
public sealed class MalformedLog(TimeProvider time, ILogger<MalformedLog> log)
{
    public const int PerWindow = 10;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _logged;
    private int _suppressed;

    public void Report(string topic, string reason, string error)
    {
        int suppressed;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            suppressed = 0;
            if (now - _windowStart >= Window)
            {
                suppressed = _suppressed;
                _windowStart = now;
                _logged = 0;
                _suppressed = 0;
            }

            if (_logged >= PerWindow)
            {
                _suppressed++;
                return;
            }

            _logged++;
        }

        if (suppressed > 0)
        {
            log.LogWarning("{Suppressed} more malformed weighings were rejected in the previous minute (not logged one by one)", suppressed);
        }

        log.LogWarning("Rejected weighing on {Topic} ({Reason}): {Error}", PrintableText.Escape(topic), reason, PrintableText.Escape(error));
    }
}
