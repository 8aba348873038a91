using System.Diagnostics;
using System.Text.Json;
using OpenCvSharp;
using SortStation.Core.Devices;
using SortStation.Core.Options;
using SortStation.Imaging;
using SortStation.Kernel.Options;
using SortStation.Simulation;
using SortStation.Vision;

namespace SortStation.Bench;

/// <summary>
/// Station benchmarks, side by side in one process: pipeline overhead over raw inference, throughput,
/// allocation and RSS, start-up. Each prints one line; all are written to one JSON file.
/// </summary>
internal static class StationBench
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task<int> RunAsync(BenchArguments a)
    {
        var frame = LoadFrame(a.Image);
        var outbox = Path.Combine(Path.GetTempPath(), $"sortstation-bench-{Environment.ProcessId}.db");
        var results = new Dictionary<string, object> { ["machine"] = MachineInfo.Describe(), ["arguments"] = a };
        var modelPath = AppPaths.Resolve(a.Model ?? new ModelOptions().Path)!;
        if (a.Model is not null && !File.Exists(modelPath))
        {
            throw new FileNotFoundException($"--model {a.Model}: no such file.", a.Model);
        }

        var configurations = a.Configurations;
        Console.WriteLine($"model: {modelPath}; configuration{(configurations.Count > 1 ? "s" : string.Empty)} {string.Join(" | ", configurations.Select(c => c.Name))} (workers × intra-op threads, {Environment.ProcessorCount} cores)" + (a.Outbox == "memory" ? "; outbox: in memory (not the station's: --outbox memory)" : string.Empty));
        results["model"] = modelPath;
        results["configurations"] = configurations.Select(c => c.Json()).ToArray();
        if (a.Only is "sizes")
        {
            results["sizes"] = await ModelSizes.MeasureAsync(frame, a);
            return await WriteAsync(results, a);
        }

        try
        {
            await using var station = new BenchStation(frame, a.Base, outbox, a.Model is null ? null : modelPath, a.Outbox == "memory");
            var tensor = new float[3 * station.Classifier.Metadata.InputWidth * station.Classifier.Metadata.InputHeight];
            using (var pre = new ImagePreprocessor(station.Classifier.Metadata))
            {
                pre.Run(frame, tensor);
            }

            if (a.Only is null or "overhead")
            {
                results["overhead"] = await Overhead.MeasureAsync(frame, a.Model is null ? null : modelPath, tensor, outbox, a);
            }

            if (a.Only is null or "throughput" or "breakdown")
            {
                using var raw = new RawInference(station.Classifier, tensor);
                if (a.Only is null or "breakdown")
                {
                    results["breakdown"] = await Breakdown.MeasureAsync(station, frame, tensor, raw, a);
                }

                if (a.Only is null or "throughput")
                {
                    results["throughput"] = await Scenarios.ThroughputAsync(station, raw, a);
                }
            }

            if (a.Only is null or "loop")
            {
                results["loop"] = await LoopThroughput.MeasureAsync(frame, a.Model is null ? null : modelPath, tensor, outbox + ".loop", a);
            }

            if (a.Only is "raw-concurrency")
            {
                results["rawConcurrency"] = RawConcurrency.Measure(modelPath, tensor, a);
            }

            if (a.Only is "memory-child")
            {
                results["memory"] = a.Base.Workers > 1 ? await LoopMemory.MeasureAsync(station, a) : await Scenarios.MemoryAsync(station, a, "one item at a time", 200, Scenarios.PipelineSorter(station));
            }
        }
        finally
        {
            foreach (var f in Directory.EnumerateFiles(Path.GetTempPath(), Path.GetFileName(outbox) + "*"))
            {
                File.Delete(f);
            }
        }

        if (a.Only is null or "memory")
        {
            // RSS is the station's alone: measured in a process of its own, without the raw baseline session
            // (a second copy of the weights and arena) or the memory the scenarios above left behind.
            results["memory"] = await MemoryProcess.RunAsync(a);
        }

        if (a.Only is null or "startup")
        {
            results["startup"] = await Startup.MeasureAsync(frame, a.StartupRuns, a.Base, a.Model is null ? null : modelPath);
        }

        return await WriteAsync(results, a);
    }

    private static async Task<int> WriteAsync(Dictionary<string, object> results, BenchArguments a)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(a.Output))!);
        await File.WriteAllTextAsync(a.Output, JsonSerializer.Serialize(results, Json));
        Console.WriteLine($"results: {Path.GetFullPath(a.Output)}");
        return 0;
    }

    private static Frame LoadFrame(string? image)
    {
        if (image is not null)
        {
            return ImageFiles.Load(image, DateTimeOffset.UnixEpoch);
        }

        // A 640×480 camera-sized frame, so preprocessing includes the real resize.
        using var mat = new SyntheticFrameRenderer(640, 480).Render("glass", _ => 0);
        return ImageFiles.ToFrame(mat, null, DateTimeOffset.UnixEpoch);
    }
}
