using System.Diagnostics;
using SortStation.Testing;
using SortStation.Core.Devices;

namespace SortStation.Bench;

/// <summary>
/// Per-item cost in steady state, one item at a time through the station path, against raw <c>Run</c> on the
/// classifier's own session with the same tensor. Each round runs, for every configuration (base and
/// <c>--variant</c>s, in reversed order every other round), <see cref="Scenarios.Round"/> raw runs and then
/// <see cref="Scenarios.Round"/> station items as SortingLoop runs them (a record's commit overlaps the next items,
/// at most MaxCommitsInFlight uncommitted). Both are timed in blocks of <see cref="Scenarios.Block"/>; a station
/// block lasts from its first item's start to the next block's, and the round's last block also waits for every
/// commit. Figures: the ratio of block medians, and the ratio round by round (station round ÷ the raw round just
/// before it) with 95 % intervals over the rounds (12 by default). Latency (trigger to committed) is measured
/// separately, one isolated item at a time.
/// </summary>
internal static class Overhead
{
    private static readonly TimeSpan IsolatedGap = TimeSpan.FromMilliseconds(20);

    public static async Task<object> MeasureAsync(Frame frame, string? modelPath, float[] tensor, string outbox, BenchArguments a)
    {
        var runs = new List<Run>();
        try
        {
            foreach (var config in a.Configurations)
            {
                var station = new BenchStation(frame, config, $"{outbox}.overhead{runs.Count}", modelPath, a.Outbox == "memory");
                runs.Add(new Run(station, new RawInference(station.Classifier, tensor)));
            }

            var rounds = Math.Max(1, a.Iterations / Scenarios.Round);
            // Warm-up: at least --warmup items and --warmup-seconds (JIT tiers), in whole rounds.
            var warmupRounds = Math.Max(1, a.Warmup / Scenarios.Round);
            var warmupUntil = Stopwatch.GetTimestamp() + (long)(a.WarmupSeconds * Stopwatch.Frequency);
            OtherLoad? load = null;
            for (var r = 0; r < warmupRounds + rounds; r++)
            {
                if (r == warmupRounds - 1 && Stopwatch.GetTimestamp() < warmupUntil)
                {
                    warmupRounds++; // one more warm-up round
                }

                var measured = r >= warmupRounds;
                if (measured && load is null)
                {
                    load = OtherLoad.Start();
                }

                var order = Enumerable.Range(0, runs.Count);
                foreach (var i in r % 2 == 0 ? order : order.Reverse())
                {
                    await runs[i].RoundAsync(measured);
                }
            }

            var others = load?.Stop();
            var results = new List<object>();
            foreach (var run in runs)
            {
                results.Add(await run.ReportAsync(a, runs[0], rounds));
            }

            if (others is not null)
            {
                Console.WriteLine($"overhead: {others.Text()}");
            }

            return new { configurations = results, goal = 1.10, block = Scenarios.Block, round = Scenarios.Round, rounds, otherProcesses = others, quiet = others?.Quiet };
        }
        finally
        {
            foreach (var run in runs)
            {
                run.Raw.Dispose();
                await run.Station.DisposeAsync();
            }
        }
    }

    private sealed class Run(BenchStation station, RawInference raw)
    {
        private readonly Measurement _rawBlocks = new("raw InferenceSession.Run, per run (block mean)");
        private readonly Measurement _stationBlocks = new("station path, per item (block mean)");
        private readonly List<double> _rawRounds = [];
        private readonly List<double> _stationRounds = [];
        private TimeSpan _cpuRaw;
        private TimeSpan _cpuStation;
        private long _sequence;

        public BenchStation Station { get; } = station;

        public RawInference Raw { get; } = raw;

        /// <summary>Mean raw ms per run of each measured round (the first configuration's is the common reference).</summary>
        public List<double> RawRounds => _rawRounds;

        public async Task RoundAsync(bool measured)
        {
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var rawTotal = 0.0;
            for (var b = 0; b < Scenarios.Round / Scenarios.Block; b++)
            {
                var t0 = Stopwatch.GetTimestamp();
                for (var i = 0; i < Scenarios.Block; i++)
                {
                    Raw.Run();
                }

                var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                rawTotal += ms;
                if (measured)
                {
                    _rawBlocks.Add(ms / Scenarios.Block);
                }
            }

            var cpu1 = Process.GetCurrentProcess().TotalProcessorTime;
            var blocks = new List<double>();
            _sequence = await Scenarios.StationRoundAsync(Station, _sequence, Scenarios.Round, blocks);
            if (measured)
            {
                _cpuRaw += cpu1 - cpu0;
                _cpuStation += Process.GetCurrentProcess().TotalProcessorTime - cpu1;
                blocks.ForEach(ms => _stationBlocks.Add(ms / Scenarios.Block));
                _rawRounds.Add(rawTotal / Scenarios.Round);
                _stationRounds.Add(blocks.Sum() / Scenarios.Round);
            }

            await Station.DrainAsync();
        }

        public async Task<object> ReportAsync(BenchArguments a, Run first, int rounds)
        {
            // Isolated items, as on a belt: a pause between them longer than Outbox:GroupCommitMilliseconds, so
            // each is committed at once (back to back, a commit waits for the group interval).
            var latency = new Measurement("station latency, trigger to committed (isolated items, 20 ms apart)");
            for (var i = 0; i < Math.Max(10, a.Iterations / 12); i++)
            {
                await Task.Delay(IsolatedGap);
                var t0 = Stopwatch.GetTimestamp();
                await Station.Pipeline.ProcessAsync(new ItemDetected(++_sequence, DateTimeOffset.UtcNow));
                latency.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }

            await Station.DrainAsync();
            var config = Station.Config;
            var ratio = _stationBlocks.Median / _rawBlocks.Median;
            var perRound = Interval.Of(_stationRounds.Select((s, r) => s / _rawRounds[r]).ToArray());
            var vsFirstRaw = ReferenceEquals(first, this) ? null : Interval.Of(_stationRounds.Select((s, r) => s / first.RawRounds[r]).ToArray());
            var n = (double)rounds * Scenarios.Round;
            var cpu = new { rawMsPerRun = Math.Round(_cpuRaw.TotalMilliseconds / n, 3), stationMsPerItem = Math.Round(_cpuStation.TotalMilliseconds / n, 3) };
            Console.WriteLine($"overhead [{config.Name}] (1 item at a time, {config.Threads} intra-op thread(s)): station {_stationBlocks.Median:F2} ms/item / raw Run {_rawBlocks.Median:F2} ms = {ratio:F3} (block medians; goal <= 1.10); round by round {perRound.Text()}"
                + (vsFirstRaw is null ? string.Empty : $"; station ÷ the first configuration's raw Run {vsFirstRaw.Text()}")
                + $"; process CPU per raw run {cpu.rawMsPerRun:F2} ms, per station item {cpu.stationMsPerItem:F2} ms; latency to committed median {latency.Median:F2} ms, p99 {latency.P99:F2} ms");
            return new
            {
                configuration = config.Json(),
                raw = _rawBlocks.Summary(),
                station = _stationBlocks.Summary(),
                latency = latency.Summary(),
                ratio = Math.Round(ratio, 4),
                ratioPerRound = perRound.Json(),
                ratioPerRoundValues = _stationRounds.Select((s, r) => Math.Round(s / _rawRounds[r], 4)),
                stationOverFirstConfigurationRaw = vsFirstRaw?.Json(),
                cpu,
            };
        }
    }
}
