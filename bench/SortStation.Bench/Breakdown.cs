using System.Diagnostics;
using SortStation.Contracts;
using SortStation.Core.Devices;
using SortStation.Vision;

namespace SortStation.Bench;

/// <summary>
/// Where the station's time goes beyond the model, each stage alone and one call at a time: preprocessing
/// (crop, resize, normalise into the tensor), the classifier (preprocessing + bound run + softmax/top-k),
/// and one outbox commit (serialise + SQLite insert + fsync).
/// </summary>
internal static class Breakdown
{
    /// <param name="tensor">The raw run's input buffer, which preprocessing rewrites with the same values.</param>
    public static async Task<object> MeasureAsync(BenchStation station, Frame frame, float[] tensor, RawInference raw, BenchArguments a)
    {
        var n = Math.Max(20, a.Iterations);
        using var pre = new ImagePreprocessor(station.Classifier.Metadata);
        var preprocessing = Time("preprocessing", n, () => pre.Run(frame, tensor));
        var rawRun = Time("raw InferenceSession.Run", n, raw.Run);
        var classify = Time("classifier (preprocessing + run + softmax)", n, () => station.Classifier.Classify(frame));
        // Isolated records (20 ms apart, beyond Outbox:GroupCommitMilliseconds) so each commits at once.
        var commit = new Measurement("outbox commit, one isolated record (serialise, insert, fsync)");
        for (var i = 0; i < Math.Min(n, 200); i++)
        {
            await Task.Delay(20);
            var record = Record(i);
            var t0 = Stopwatch.GetTimestamp();
            await station.Outbox.EnqueueAsync(record);
            commit.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }

        await station.DrainAsync();
        Console.WriteLine($"breakdown: preprocessing {preprocessing.Median:F3} ms, raw Run {rawRun.Median:F3} ms, classifier {classify.Median:F3} ms, outbox commit {commit.Median:F3} ms (medians, one call at a time)");
        return new { preprocessing = preprocessing.Summary(), rawRun = rawRun.Summary(), classifier = classify.Summary(), outboxCommit = commit.Summary() };
    }

    private static Measurement Time(string name, int n, Action action)
    {
        var m = new Measurement(name);
        for (var i = 0; i < n; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            action();
            m.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }

        return m;
    }

    private static WeighingRecord Record(int i) => new()
    {
        ItemId = $"bench-{i:D8}",
        StationId = "bench",
        Timestamp = DateTimeOffset.UnixEpoch.AddSeconds(i),
        Label = "glass",
        Confidence = 0.9,
        Top = [new LabelScore("glass", 0.9)],
        WeightKg = 0.25,
        Bin = "glass",
        Reason = "classified",
        Model = "bench",
    };
}
