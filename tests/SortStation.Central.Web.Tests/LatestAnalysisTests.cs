using Microsoft.Extensions.Time.Testing;
using SortStation.Central.Options;
using SortStation.Central.Recluster;
using SortStation.Central.Storage;
using SortStation.Central.Web.Tests.Support;

namespace SortStation.Central.Web.Tests;

/// <summary>The clustering the console shows: computed on first view, replaced by runs, recomputed when no run came for two intervals.</summary>
public sealed class LatestAnalysisTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public async Task Get_NoRunForTwoIntervals_ComputedAgain()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var db = ConsoleDatabase.Sqlite(_dir);
        await db.SeedAsync(SeededWeighings.Create(600, 3, time.GetUtcNow().AddDays(-3), time.GetUtcNow().AddMinutes(-1)));
        var options = Microsoft.Extensions.Options.Options.Create(new CentralClusteringOptions { IntervalMinutes = 60 });
        using var latest = new LatestAnalysis(new SqlWeighingStore(db.Dialect, time), options, time);

        var first = await latest.GetAsync(default);
        time.Advance(TimeSpan.FromMinutes(90));
        var cached = await latest.GetAsync(default);
        time.Advance(TimeSpan.FromMinutes(31));
        var again = await latest.GetAsync(default);

        Assert.NotNull(first.Result);
        Assert.Equal(AnalysisSnapshot.OnFirstView, first.Trigger);
        Assert.Same(first, cached);
        Assert.NotSame(first, again);
        Assert.Equal(time.GetUtcNow(), again.At);
    }

    [Fact]
    public async Task Set_ByARun_ShownInsteadOfComputing()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var db = ConsoleDatabase.Sqlite(_dir);
        await db.SeedAsync([]);
        using var latest = new LatestAnalysis(new SqlWeighingStore(db.Dialect, time), Microsoft.Extensions.Options.Options.Create(new CentralClusteringOptions()), time);
        latest.Set(null, 2, "run by siti");
        var shown = await latest.GetAsync(default);
        Assert.Equal(("run by siti", 2), (shown.Trigger, shown.Groups));
    }

    public void Dispose() => _dir.Dispose();
}
