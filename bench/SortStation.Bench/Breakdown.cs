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

        var chain = await ChainAsync(station, frame, tensor, raw, pre, Math.Max(2, n / 200));
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
        Console.WriteLine($"breakdown, back to back (rounds of {ChainItems}, median of round means): raw Run {chain.Raw.Median:F3} ms, preprocessing + raw Run {chain.PreRaw.Median:F3} ms, classifier {chain.Classifier.Median:F3} ms, station path {chain.Station.Median:F3} ms");
        return new
        {
            preprocessing = preprocessing.Summary(), rawRun = rawRun.Summary(), classifier = classify.Summary(), outboxCommit = commit.Summary(),
            backToBack = new { raw = chain.Raw.Summary(), preprocessingAndRaw = chain.PreRaw.Summary(), classifier = chain.Classifier.Summary(), station = chain.Station.Summary() },
        };
    }

    private const int ChainItems = 200;

    /// <summary>
    /// Each step added in turn, back to back as the loop runs items, in interleaved rounds: raw Run; preprocessing
    /// then raw Run; the classifier (adds softmax and top-k); the station path (adds capture, weighing, routing,
    /// gate scheduling and the record's commit, MaxCommitsInFlight in flight). The differences show what each costs.
    /// </summary>
    private static async Task<(Measurement Raw, Measurement PreRaw, Measurement Classifier, Measurement Station)> ChainAsync(
        BenchStation station, Frame frame, float[] tensor, RawInference raw, ImagePreprocessor pre, int rounds)
    {
        var result = (new Measurement("raw Run"), new Measurement("preprocessing + raw Run"), new Measurement("classifier"), new Measurement("station path"));
        long sequence = 1_000_000;
        for (var r = 0; r < rounds; r++)
        {
            result.Item1.Add(Mean(raw.Run));
            result.Item2.Add(Mean(() =>
            {
                pre.Run(frame, tensor);
                raw.Run();
            }));
            result.Item3.Add(Mean(() => station.Classifier.Classify(frame)));
            var commits = new Queue<Task<Core.Pipeline.SortOutcome>>();
            var t0 = Stopwatch.GetTimestamp();
            for (var i = 0; i < ChainItems; i++)
            {
                await station.SortAsync(++sequence, commits);
            }

            result.Item4.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds / ChainItems);
            await BenchStation.WaitForCommitsAsync(commits);

            await station.DrainAsync();
        }

        return result;
    }

    private static double Mean(Action action)
    {
        var t0 = Stopwatch.GetTimestamp();
        for (var i = 0; i < ChainItems; i++)
        {
            action();
        }

        return Stopwatch.GetElapsedTime(t0).TotalMilliseconds / ChainItems;
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
