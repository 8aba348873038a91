using Microsoft.Extensions.Options;
using SortStation.Central.Options;
using SortStation.Central.Storage;
using SortStation.Clustering;

namespace SortStation.Central.Recluster;

/// <summary>
/// The latest fleet clustering, for the console: set by every scheduled or requested run; computed from the
/// database (without publishing) when the console asks before any run, e.g. right after a restart.
/// </summary>
public sealed class LatestAnalysis(IWeighingStore store, IOptions<CentralClusteringOptions> options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _computing = new(1, 1);
    private AnalysisSnapshot? _latest;

    public AnalysisSnapshot? Current => Volatile.Read(ref _latest);

    public void Dispose() => _computing.Dispose();

    private bool Stale(AnalysisSnapshot snapshot) => time.GetUtcNow() - snapshot.At > TimeSpan.FromMinutes(2 * options.Value.IntervalMinutes);

    public void Set(AnalysisResult? result, int groups, string trigger) =>
        Volatile.Write(ref _latest, new AnalysisSnapshot(result, groups, time.GetUtcNow(), trigger));

    /// <summary>
    /// The current snapshot, or a fresh one computed now when there is none or it is older than two intervals
    /// (no scheduled run on this instance); its result is null when there are too few groups.
    /// </summary>
    public async Task<AnalysisSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (Current is { } current && !Stale(current))
        {
            return current;
        }

        await _computing.WaitAsync(cancellationToken);
        try
        {
            if (Current is { } computed && !Stale(computed))
            {
                return computed;
            }

            var o = options.Value;
            var totals = await store.AggregateAsync(o.ParsedGroupBy, time.GetUtcNow() - TimeSpan.FromDays(o.PeriodDays), cancellationToken);
            AnalysisResult? result;
            try
            {
                result = await Task.Run(() => FleetAnalysis.Run(totals, o, cancellationToken), cancellationToken);
            }
            catch (InvalidOperationException)
            {
                result = null;
            }

            Set(result, totals.Count, AnalysisSnapshot.OnFirstView);
            return Current!;
        }
        finally
        {
            _computing.Release();
        }
    }
}

/// <summary>One clustering run: its result (null: not enough groups yet), how many groups went in, when and why it ran.</summary>
public sealed record AnalysisSnapshot(AnalysisResult? Result, int Groups, DateTimeOffset At, string Trigger)
{
    public const string Scheduled = "schedule";
    public const string OnFirstView = "first view";
}
