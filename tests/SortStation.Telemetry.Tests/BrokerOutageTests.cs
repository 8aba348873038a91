using SortStation.Telemetry.Tests.Support;
using Xunit.Abstractions;

namespace SortStation.Telemetry.Tests;

/// <summary>Real mosquitto, stopped and restarted while the outbox drains: nothing may be lost.</summary>
public sealed class BrokerOutageTests(ITestOutputHelper output) : IDisposable
{
    private const int Count = 10_000;
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Publish_BrokerRestartedTwiceMidRun_SubscriberGetsEveryItemId()
    {
        using var broker = MosquittoBroker.Run();
        await using var subscriber = await TestSubscriber.StartAsync(broker.Uri, "outage-consumer", "outage/+/weighing");
        using var outbox = Publishers.Outbox(_dir.File("outbox.db"));
        using var publisher = Publishers.Publisher(outbox, Publishers.Options(broker.Uri, "outage"));
        await publisher.StartAsync(CancellationToken.None);

        // Bursts of concurrent enqueues, like several pipelines finishing together (group commits).
        var producer = Task.Run(async () =>
        {
            for (var i = 0; i < Count; i += 50)
            {
                await Task.WhenAll(Enumerable.Range(i, 50).Select(n => outbox.EnqueueAsync(Weighings.Create("outage", n)).AsTask()));
                await Task.Delay(10);
            }
        });

        var restarts = 0;
        foreach (var threshold in new[] { 2_000, 6_000 })
        {
            Assert.True(await Eventually.TrueAsync(() => publisher.Acknowledged >= threshold, TimeSpan.FromSeconds(60)), $"only {publisher.Acknowledged} acknowledged");
            broker.Stop();
            await Task.Delay(1_500);
            broker.Start();
            restarts++;
        }

        await producer;
        var complete = await Eventually.TrueAsync(() => subscriber.Distinct >= Count, TimeSpan.FromSeconds(120));
        // The subscriber may see the last messages before their PUBACKs reach the publisher.
        var drained = await Eventually.TrueAsync(() => outbox.Pending == 0, TimeSpan.FromSeconds(30));
        await publisher.StopAsync(CancellationToken.None);

        var ours = Enumerable.Range(0, Count).Select(n => $"outage-{n:D6}").ToHashSet();
        output.WriteLine($"broker restarts: {restarts}; published (PUBACK): {publisher.Acknowledged}; received: {subscriber.Messages} messages, {subscriber.Distinct} distinct itemIds, {subscriber.Duplicates} duplicates; publish failures: {publisher.Failures}");
        Assert.True(complete, $"subscriber has {subscriber.Distinct} of {Count}");
        Assert.Equal(2, restarts);
        Assert.Equal(Count, subscriber.Distinct);
        Assert.Subset(ours, subscriber.ItemIds.ToHashSet());
        Assert.All(subscriber.DuplicatedIds, id => Assert.Contains(id, ours));
        Assert.InRange(subscriber.Duplicates, 0, Count / 20); // at-least-once: a few re-sends per outage, not a replay
        Assert.True(drained, $"{outbox.Pending} entries still in the outbox");
    }
}
