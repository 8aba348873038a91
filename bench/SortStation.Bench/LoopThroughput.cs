using System.Diagnostics;
using SortStation.Core.Devices;
using SortStation.Core.Options;
using SortStation.Vision;

namespace SortStation.Bench;

/// <summary>
/// Throughput of the station's own <c>SortingLoop</c> (items back to back from a trigger, <c>Model:Workers</c> items
/// classifying at once on <c>Model:IntraOpThreads</c> threads each, SQLite outbox) against both raw ways of using the
/// same cores: one run at a time on Workers × IntraOpThreads threads, and Workers runs at once on IntraOpThreads
/// threads each. The raw ways run on reference sessions with ONNX Runtime's default settings (spinning on, no
/// affinity), so a setting that slows the model shows as a lower share. Each of <c>--blocks</c> blocks runs the raw
/// ways, then every configuration (base and <c>--variant</c>s, in reversed order every other block) for
/// <c>--block-seconds</c>; the share is taken block by block against the faster raw way of that configuration's
/// cores (chosen by its median), so drift hits both sides of each ratio alike, and printed with 95 % intervals.
/// </summary>
internal static class LoopThroughput
{
    private static readonly TimeSpan Stalled = TimeSpan.FromSeconds(10);

    public static async Task<object> MeasureAsync(Frame frame, string? modelPath, float[] tensor, string outbox, BenchArguments a)
    {
        var configs = a.Configurations;
        var stations = new List<BenchStation>();
        var raws = new Dictionary<(int Workers, int Threads), RawWays>();
        using var stop = new CancellationTokenSource();
        try
        {
            foreach (var config in configs)
            {
                var station = new BenchStation(frame, config, $"{outbox}.{stations.Count}", modelPath, a.Outbox == "memory");
                stations.Add(station);
                if (!raws.ContainsKey((config.Workers, config.Threads)))
                {
                    raws[(config.Workers, config.Threads)] = new RawWays(modelPath, tensor, config.Workers, config.Threads);
                }

                await station.Loop.StartAsync(stop.Token);
                await StationRateAsync(station, TimeSpan.FromSeconds(a.WarmupSeconds), new Allocation()); // warm-up: JIT tiers, thread pool, outbox, workers
            }

            var window = TimeSpan.FromSeconds(a.BlockSeconds);
            var rates = stations.Select(_ => new List<double>()).ToArray();
            var allocations = stations.Select(_ => new Allocation()).ToArray();
            var load = OtherLoad.Start();
            for (var b = 0; b < a.Blocks; b++)
            {
                foreach (var raw in raws.Values)
                {
                    raw.Measure(window);
                }

                var order = Enumerable.Range(0, stations.Count);
                foreach (var i in b % 2 == 0 ? order : order.Reverse())
                {
                    rates[i].Add(await StationRateAsync(stations[i], window, allocations[i]));
                }
            }

            var others = load?.Stop();
            var results = stations.Select((s, i) => Report(s.Config, rates[i], raws[(s.Config.Workers, s.Config.Threads)], allocations[i], i == 0 ? null : rates[0], a)).ToList();
            if (others is not null)
            {
                Console.WriteLine($"loop: {others.Text()}");
            }

            return new
            {
                configurations = results,
                raw = raws.Select(r => new { workers = r.Key.Workers, intraOpThreads = r.Key.Threads, oneAtATimePerSecond = r.Value.Sequential.Select(Round1), atOncePerSecond = r.Value.Concurrent.Select(Round1) }),
                goal = 0.9,
                blocks = a.Blocks,
                blockSeconds = a.BlockSeconds,
                otherProcesses = others,
                quiet = others?.Quiet,
            };
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var station in stations)
            {
                await station.Loop.StopAsync(CancellationToken.None);
                await station.DisposeAsync();
            }

            foreach (var raw in raws.Values)
            {
                raw.Dispose();
            }
        }
    }

    private static object Report(BenchConfig config, List<double> loop, RawWays raw, Allocation allocation, List<double>? first, BenchArguments a)
    {
        // The faster raw way by its median; the share block by block against that way's rate in the same block.
        var useConcurrent = raw.Concurrent.Count > 0 && Interval.MedianOf(raw.Concurrent) > Interval.MedianOf(raw.Sequential);
        var reference = useConcurrent ? raw.Concurrent : raw.Sequential;
        var share = Interval.Of(loop.Select((l, b) => l / reference[b]).ToArray());
        var perItem = Interval.Of(loop.Select((l, b) => reference[b] / l).ToArray());
        var rate = Interval.Of(loop);
        var vsFirst = first is null ? null : Interval.Of(loop.Select((l, b) => l / first[b]).ToArray());
        var bytesPerItem = allocation.Bytes / (double)Math.Max(1, allocation.Items);
        var way = useConcurrent ? $"{config.Workers} runs at once on {config.Threads} thread(s) each" : $"1 run at a time on {config.Workers * config.Threads} thread(s)";

        // CPU per item and cores busy tell the two causes of a low share apart: work the raw way does not do
        // (more CPU per item) or cores left idle (fewer cores busy at the same CPU per item).
        var rawCpu = useConcurrent ? raw.ConcurrentCpu : raw.SequentialCpu;
        var loopCpuMs = allocation.Cpu.TotalMilliseconds / Math.Max(1, allocation.Items);
        var rawCpuMs = rawCpu.Cpu.TotalMilliseconds / Math.Max(1, rawCpu.Runs);
        var loopCores = allocation.Cpu / allocation.Wall;
        var rawCores = rawCpu.Cpu / rawCpu.Wall;
        Console.WriteLine($"loop [{config.Name}]: {rate.Median:F1} items/s (range {rate.Min:F1}–{rate.Max:F1}); share of the faster raw way ({way}, {Interval.MedianOf(reference):F1}/s) {share.Text("F1", 100, " %")} (goal >= 90 %); per item {perItem.Median:F3} × raw; {bytesPerItem:F0} B allocated per item"
            + (vsFirst is null ? string.Empty : $"; vs the first configuration {vsFirst.Text("F3")}"));
        Console.WriteLine($"loop [{config.Name}]: CPU per item {loopCpuMs:F3} ms vs raw {rawCpuMs:F3} ms per run ({loopCpuMs / rawCpuMs:F3}×); cores busy {loopCores:F2} vs raw {rawCores:F2}");
        return new
        {
            configuration = config.Json(),
            stationPerSecond = loop.Select(Round1),
            rate = rate.Json(1),
            rawWay = way,
            share = share.Json(),
            perItemOverRaw = perItem.Json(),
            vsFirstConfiguration = vsFirst?.Json(),
            bytesAllocatedPerItem = Math.Round(bytesPerItem),
            cpu = new { loopMsPerItem = Math.Round(loopCpuMs, 3), rawMsPerRun = Math.Round(rawCpuMs, 3), loopCoresBusy = Math.Round(loopCores, 2), rawCoresBusy = Math.Round(rawCores, 2) },
            blocks = a.Blocks,
        };
    }

    /// <summary>Opens the trigger for <paramref name="window"/>, then waits until every item handed over is committed; items per second over that time.</summary>
    private static async Task<double> StationRateAsync(BenchStation station, TimeSpan window, Allocation allocation)
    {
        var committed = station.Committed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = ProcessCpu.Now();
        var start = Stopwatch.GetTimestamp();
        station.Trigger.Open();
        await Task.Delay(window);
        station.Trigger.Close();
        var lastProgress = Stopwatch.GetTimestamp();
        for (var seen = station.Committed; seen < station.Trigger.Items; seen = station.Committed)
        {
            await Task.Delay(1);
            if (station.Committed > seen)
            {
                lastProgress = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(lastProgress) > Stalled)
            {
                throw new TimeoutException($"the loop committed {seen} of {station.Trigger.Items} items and made no progress for {Stalled.TotalSeconds} s");
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        var rate = (station.Committed - committed) / elapsed.TotalSeconds;
        allocation.Add(GC.GetTotalAllocatedBytes(precise: true) - allocated, station.Committed - committed, ProcessCpu.Now() - cpu, elapsed);
        await station.DrainAsync();
        return rate;
    }

    private static double Round1(double v) => Math.Round(v, 1);

    /// <summary>The raw ways of using workers × threads cores, on reference sessions with ONNX Runtime's default settings.</summary>
    private sealed class RawWays : IDisposable
    {
        private readonly OnnxClassifier _wide;
        private readonly OnnxClassifier? _narrow;
        private readonly RawInference _sequential;
        private readonly RawInference[] _concurrent;

        public RawWays(string? modelPath, float[] tensor, int workers, int threads)
        {
            var path = modelPath ?? new ModelOptions().Path;
            _wide = new OnnxClassifier(new ModelOptions { Path = path, Workers = 1, IntraOpThreads = workers * threads });
            _sequential = new RawInference(_wide, tensor);
            _narrow = workers > 1 ? new OnnxClassifier(new ModelOptions { Path = path, Workers = 1, IntraOpThreads = threads }) : null;
            _concurrent = _narrow is null ? [] : Enumerable.Range(0, workers).Select(_ => new RawInference(_narrow, tensor)).ToArray();
        }

        public List<double> Sequential { get; } = [];

        public List<double> Concurrent { get; } = [];

        /// <summary>Process CPU milliseconds per run and cores busy, summed over the blocks, for each way.</summary>
        public (TimeSpan Cpu, TimeSpan Wall, double Runs) SequentialCpu { get; private set; }

        public (TimeSpan Cpu, TimeSpan Wall, double Runs) ConcurrentCpu { get; private set; }

        public void Measure(TimeSpan window)
        {
            SequentialCpu = Add(SequentialCpu, window, () => RawConcurrency.Rate(window, _sequential), Sequential);
            if (_concurrent.Length > 0)
            {
                ConcurrentCpu = Add(ConcurrentCpu, window, () => RawConcurrency.Rate(window, _concurrent), Concurrent);
            }
        }

        private static (TimeSpan, TimeSpan, double) Add((TimeSpan Cpu, TimeSpan Wall, double Runs) sum, TimeSpan window, Func<double> rate, List<double> rates)
        {
            var cpu = ProcessCpu.Now();
            var start = Stopwatch.GetTimestamp();
            var r = rate();
            var wall = Stopwatch.GetElapsedTime(start);
            rates.Add(r);
            return (sum.Cpu + (ProcessCpu.Now() - cpu), sum.Wall + wall, sum.Runs + (r * wall.TotalSeconds));
        }

        public void Dispose()
        {
            _sequential.Dispose();
            Array.ForEach(_concurrent, r => r.Dispose());
            _wide.Dispose();
            _narrow?.Dispose();
        }
    }

    /// <summary>Bytes allocated in the process while the loop ran its blocks (the waits' polling included), and the items it sorted.</summary>
    private sealed class Allocation
    {
        public long Bytes { get; private set; }

        public long Items { get; private set; }

        /// <summary>Process CPU time over the blocks (user + system, every thread) and their wall time.</summary>
        public TimeSpan Cpu { get; private set; }

        public TimeSpan Wall { get; private set; }

        public void Add(long bytes, long items, TimeSpan cpu, TimeSpan wall) => (Bytes, Items, Cpu, Wall) = (Bytes + bytes, Items + items, Cpu + cpu, Wall + wall);
    }
}
