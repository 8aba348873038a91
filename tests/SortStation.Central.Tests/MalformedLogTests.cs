using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SortStation.Central.Ingest;
using SortStation.Central.Tests.Support;

namespace SortStation.Central.Tests;

public sealed class MalformedLogTests
{
    [Fact]
    public void Report_ManyInOneMinute_LogsTenThenTheSuppressedCount()
    {
        var time = new FakeTimeProvider();
        var logger = new ListLogger<MalformedLog>();
        var log = new MalformedLog(time, logger);

        for (var i = 0; i < 500; i++)
        {
            log.Report("sortstation/s1/weighing", "not-json", "bad");
        }

        Assert.Equal(MalformedLog.PerWindow, logger.Messages.Count);
        time.Advance(TimeSpan.FromMinutes(1));
        log.Report("sortstation/s1/weighing", "not-json", "bad");
        Assert.Contains(logger.Messages, m => m.StartsWith("490 more malformed", StringComparison.Ordinal));
    }
}
