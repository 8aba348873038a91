using SortStation.Central.Options;
using SortStation.Central.Stations;
using SortStation.Central.Storage;

namespace SortStation.Central.Tests.Support;

/// <summary>The same storage checks against SQLite and PostgreSQL (the SQL is shared, so must the results be).</summary>
public static class StoreScenarios
{
    public static readonly DateTimeOffset Since = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task MigrateTwice_AppliesOnce(IWeighingStore store)
    {
        Assert.Equal(5, await store.MigrateAsync(default)); // 001_init, 002_stations_rejections, 003_console, 004_settings, 005_rollup_spans
        Assert.Equal(0, await store.MigrateAsync(default));
    }

    /// <summary>A weighing committed while a snapshot is open is not seen by the snapshot's later statements.</summary>
    public static async Task Snapshot_CommitMeanwhile_NotSeen(IWeighingStore store)
    {
        await store.MigrateAsync(default);
        var dialect = ((SqlWeighingStore)store).Dialect;
        await store.StoreAsync([TestRecords.Create(1)], RejectionCounts.None, default);
        await using var connection = await dialect.OpenAsync(default);
        await using var snapshot = await dialect.BeginSnapshotAsync(connection, default);
        await using var count = connection.CreateCommand();
        count.Transaction = snapshot;
        count.CommandText = "SELECT COUNT(*) FROM weighings";
        var before = Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);

        var meanwhile = await store.StoreAsync([TestRecords.Create(2)], RejectionCounts.None, default); // another connection
        var after = Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(1, meanwhile.Inserted);
        Assert.Equal((1L, 1L), (before, after));
    }

    public static async Task Store_Duplicates_DroppedAndCounted(IWeighingStore store)
    {
        await store.MigrateAsync(default);
        var a = TestRecords.Create(1);
        var b = TestRecords.Create(2);

        var first = await store.StoreAsync([a, b, a], RejectionCounts.Of(("not-json", 2)), default);
        var second = await store.StoreAsync([b], RejectionCounts.None, default);

        Assert.Equal(new StoreResult(2, 1, 2), first);
        Assert.Equal(new StoreResult(0, 1, 0), second);
        var stats = await store.ReadStatsAsync(default);
        Assert.Equal((2L, 2L, 2L), (stats.Stored, stats.DuplicatesDropped, stats.MalformedRejected));
    }

    public static async Task Aggregate_ByLabel_SumsInDatabase(IWeighingStore store)
    {
        await store.MigrateAsync(default);
        await store.StoreAsync(
        [
            TestRecords.Create(1, "s1", "glass", 1.5, 1000),
            TestRecords.Create(2, "s2", "glass", 2.5, 2000),
            TestRecords.Create(3, "s1", "glass", null, null), // no reading: counted, adds no weight or price
            TestRecords.Create(4, "s1", "metal", 0.25, 9000),
            TestRecords.Create(5, "s1", "metal", 99, 1, Since.AddDays(-1)), // before the period
        ], RejectionCounts.None, default);

        var totals = await store.AggregateAsync(GroupBy.Label, Since, default);

        Assert.Equal(2, totals.Count);
        Assert.Equal(new GroupTotal(null, "glass", 3, 4.0, 1500), totals[0]);
        Assert.Equal(new GroupTotal(null, "metal", 1, 0.25, 9000), totals[1]);
    }

    public static async Task Aggregate_ByStationLabel_GroupsPerStation(IWeighingStore store)
    {
        await store.MigrateAsync(default);
        await store.StoreAsync(
        [
            TestRecords.Create(1, "s1", "glass", 1.5, 1000),
            TestRecords.Create(2, "s2", "glass", 2.5, 2000),
            TestRecords.Create(3, "s1", "glass", 0.5, 3000),
        ], RejectionCounts.None, default);

        var totals = await store.AggregateAsync(GroupBy.StationLabel, Since, default);

        Assert.Equal(["s1/glass", "s2/glass"], totals.Select(t => t.ItemType));
        Assert.Equal(new GroupTotal("s1", "glass", 2, 2.0, 2000), totals[0]);
    }

    public static async Task ReadStats_PerStationAndLabel(IWeighingStore store)
    {
        await store.MigrateAsync(default);
        await store.StoreAsync([TestRecords.Create(1, "s1", "glass", 1), TestRecords.Create(2, "s2", "glass", 2), TestRecords.Create(3, "s2", "paper", 3)], RejectionCounts.None, default);

        var stats = await store.ReadStatsAsync(default);

        Assert.Equal([new CountRow("s1", 1, 1), new CountRow("s2", 2, 5)], stats.PerStation);
        Assert.Equal([new CountRow("glass", 2, 3), new CountRow("paper", 1, 3)], stats.PerLabel);
    }

    public static async Task Store_Rejections_SummedByReasonAcrossBatches(IWeighingStore store)
    {
        await store.MigrateAsync(default);

        await store.StoreAsync([TestRecords.Create(1)], RejectionCounts.Of(("not-json", 2), ("value-mismatch", 1)), default);
        await store.StoreAsync([], RejectionCounts.Of(("value-mismatch", 3)), default);

        var stats = await store.ReadStatsAsync(default);
        Assert.Equal(6, stats.MalformedRejected);
        Assert.Equal(new Dictionary<string, long> { ["not-json"] = 2, ["value-mismatch"] = 4 }, stats.RejectedByReason);
    }

    public static async Task Stations_AddRevokeAddAgain_RegistrationFollows(IWeighingStore store)
    {
        await store.MigrateAsync(default);
        var stations = new SqlStationStore(((SqlWeighingStore)store).Dialect);
        var t0 = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

        var added = await stations.AddAsync("station-01", t0, null, default);
        var again = await stations.AddAsync("station-01", t0.AddDays(1), null, default);
        var revoked = await stations.RevokeAsync("station-01", t0.AddDays(2), default);
        var revokedTwice = await stations.RevokeAsync("station-01", t0.AddDays(2), default);
        var back = await stations.AddAsync("station-01", t0.AddDays(3), t0.AddDays(2.5), default);

        Assert.Equal(new RegisteredStation("station-01", t0, t0, null), added);
        Assert.Equal(added, again); // idempotent: an active station keeps its registration
        Assert.True(revoked);
        Assert.False(revokedTwice);
        Assert.Equal(new RegisteredStation("station-01", t0.AddDays(3), t0.AddDays(2.5), null), back);
        Assert.False(await stations.RevokeAsync("station-99", t0, default));
        Assert.Single(await stations.ReadAllAsync(default));
    }
}
