using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SortStation.Outbox;
using SortStation.Telemetry.Tests.Support;

namespace SortStation.Telemetry.Tests;

public sealed class TelemetryRegistrationTests
{
    [Fact]
    public async Task AddSortStationOutbox_SqliteOutbox_PacesCommitsOnTheRegisteredTimeProvider()
    {
        using var dir = new TempDir();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Outbox:Path"] = dir.File("outbox.db") }).Build();
        var time = new CountingTimeProvider();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time);
        services.AddSortStationOutbox(configuration);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IOutboxStore>().EnqueueAsync(Weighings.Create("clock", 1));

        Assert.True(time.Reads > 0, "the outbox's commit pacer read another clock than the registered TimeProvider");
    }

    /// <summary>The system clock, counting how often it is read.</summary>
    private sealed class CountingTimeProvider : TimeProvider
    {
        private long _reads;

        public long Reads => Interlocked.Read(ref _reads);

        public override long GetTimestamp()
        {
            Interlocked.Increment(ref _reads);
            return System.GetTimestamp();
        }
    }
}
