using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SortStation.Core.Devices;
using SortStation.Core.Options;
using SortStation.Imaging;
using SortStation.Kernel.Options;
using SortStation.Vision;

namespace SortStation.Bench;

/// <summary>
/// The speed–accuracy table (<c>--only sizes --sizes DIR,DIR…</c>): for every model folder and each file in it
/// (model.onnx fp32, model.int8.onnx int8), the input size from its metadata.json, the multiply-accumulates per
/// image counted from the graph (models/scripts/onnx_macs.py), the latency of one frame through the station's
/// classifier (preprocessing + run + softmax, the same 640×480 frame) at 1 and 2 intra-op threads in alternating
/// blocks with 95 % intervals, the speed-up over the first folder's fp32 at the same threads block by block, and
/// top-1 accuracy on the test split (<c>--split</c>, photos under <c>--data</c>) through the same classifier,
/// beside the figure the folder's metadata claims, if any.
/// </summary>
internal static class ModelSizes
{
    private const int CallsPerBlock = 20;

    public static async Task<object> MeasureAsync(Frame frame, BenchArguments a)
    {
        var folders = a.SizeFolders.Count > 0 ? a.SizeFolders : [Path.GetDirectoryName(AppPaths.Resolve(new ModelOptions().Path))!];
        var models = folders.SelectMany(Files).ToList();
        if (models.Count == 0)
        {
            throw new FileNotFoundException($"--sizes {string.Join(",", folders)}: no model.onnx or model.int8.onnx found");
        }

        var threads = new[] { 1, 2 };
        var cells = models.SelectMany(m => threads.Select(t => new Cell(m, t))).ToList();
        try
        {
            foreach (var c in cells)
            {
                for (var i = 0; i < 3; i++)
                {
                    c.Classifier.Classify(frame); // warm-up
                }
            }

            var load = OtherLoad.Start();
            for (var b = 0; b < a.Blocks; b++)
            {
                foreach (var c in b % 2 == 0 ? cells : Enumerable.Reverse(cells))
                {
                    var t0 = Stopwatch.GetTimestamp();
                    for (var i = 0; i < CallsPerBlock; i++)
                    {
                        c.Classifier.Classify(frame);
                    }

                    c.Blocks.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds / CallsPerBlock);
                }
            }

            var others = load?.Stop();
            var macs = await CountMacsAsync(models.Select(m => m.Path));
            var accuracy = Accuracy(models, a);
            var rows = new List<object>();
            var markdown = new List<string> { "| model | input | type | MACs per image | ms per frame, 1 thread | ms per frame, 2 threads | speed-up vs fp32 224, 1 / 2 threads | top-1, test split |", "|---|---|---|---:|---|---|---|---|" };
            Console.WriteLine("sizes: model | input | MACs per image | ms per frame through the classifier at 1 thread; at 2 threads (median of blocks, 95 % CI) | speed vs the first fp32 at the same threads | top-1 on the test split (measured; metadata's)");
            foreach (var m in models)
            {
                var at = threads.Select(t => cells.Single(c => c.Model == m && c.Threads == t)).ToArray();
                var speedUp = at.Select(c => Interval.Of(c.Blocks.Select((ms, b) => cells.First(r => r.Threads == c.Threads).Blocks[b] / ms).ToArray())).ToArray();
                var times = at.Select(c => Interval.Of(c.Blocks)).ToArray();
                macs.TryGetValue(m.Path, out var count);
                accuracy.TryGetValue(m.Path, out var acc);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"sizes: {m.Name} {m.Kind} | {m.Size} px | {(count is null ? "n/a" : $"{count.Value / 1e6:F0} M")} | 1 thread {times[0].Text("F2")} ms; 2 threads {times[1].Text("F2")} ms | {speedUp[0].Median:F2}× / {speedUp[1].Median:F2}× | {(acc is null ? "n/a" : $"{acc.Correct}/{acc.Total} = {acc.Top1:P2}")}; metadata {(m.ClaimedTop1 is { } c1 ? c1.ToString("P2", CultureInfo.InvariantCulture) : "none")}{(m.FineTunedAtSize ? string.Empty : " (NOT fine-tuned at this size)")}"));
                markdown.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {m.Name} | {m.Size} px | {m.Kind} | {(count is null ? "n/a" : $"{count.Value / 1e6:F0} M")} | {Range(times[0])} | {Range(times[1])} | {speedUp[0].Median:F2}× / {speedUp[1].Median:F2}× | {(acc is null ? "n/a" : $"{acc.Top1:P1} ({acc.Correct}/{acc.Total})")}{(m.FineTunedAtSize ? string.Empty : ", not fine-tuned at this size")} |"));
                rows.Add(new
                {
                    folder = m.Folder,
                    model = m.Name,
                    kind = m.Kind,
                    inputSize = m.Size,
                    fineTunedAtInputSize = m.FineTunedAtSize,
                    macsPerImage = count,
                    msPerFrame = new { oneThread = times[0].Json(3), twoThreads = times[1].Json(3) },
                    speedUpOverFirstFp32 = new { oneThread = speedUp[0].Json(3), twoThreads = speedUp[1].Json(3) },
                    testTop1 = acc is null ? null : new { acc.Correct, acc.Total, top1 = Math.Round(acc.Top1, 4), split = a.Split },
                    metadataTop1 = m.ClaimedTop1,
                });
            }

            if (others is not null)
            {
                Console.WriteLine($"sizes: {others.Text()}");
            }

            Console.WriteLine("sizes, as a table (ms: median of blocks, 95 % CI of the median in brackets):");
            markdown.ForEach(Console.WriteLine);

            return new { rows, callsPerBlock = CallsPerBlock, blocks = a.Blocks, frame = $"{frame.Width}x{frame.Height}", otherProcesses = others, quiet = others?.Quiet };
        }
        finally
        {
            cells.ForEach(c => c.Classifier.Dispose());
        }
    }

    private static IEnumerable<ModelFile> Files(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"--sizes: no folder {full}");
        }

        foreach (var (file, kind) in new[] { ("model.onnx", "fp32"), ("model.int8.onnx", "int8") })
        {
            var path = Path.Combine(full, file);
            if (!File.Exists(path))
            {
                continue;
            }

            var metadata = ModelMetadataLoader.Load(new ModelOptions { Path = path });
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(full, "metadata.json")));
            var root = json.RootElement;
            double? claimed = root.TryGetProperty("metrics", out var metrics) && metrics.TryGetProperty("testAccuracy", out var t) ? t.GetDouble() : null;
            var fineTuned = !root.TryGetProperty("fineTunedAtInputSize", out var f) || f.GetBoolean();
            yield return new ModelFile(full, path, metadata.Name, kind, metadata.InputWidth, claimed, fineTuned);
        }
    }

    private static string Range(Interval i) => i.N < 3
        ? i.Median.ToString("F2", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{i.Median:F2} [{i.MedianLow:F2}–{i.MedianHigh:F2}]");

    /// <summary>MACs per image from models/scripts/onnx_macs.py (Debian's python with onnx); none where that cannot run.</summary>
    private static async Task<Dictionary<string, long?>> CountMacsAsync(IEnumerable<string> paths)
    {
        var result = new Dictionary<string, long?>();
        var script = RepoFile(Path.Combine("models", "scripts", "onnx_macs.py"));
        if (script is null)
        {
            Console.WriteLine("sizes: MACs not counted: models/scripts/onnx_macs.py not found");
            return result;
        }

        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var p in paths)
        {
            start.ArgumentList.Add(p);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                Console.WriteLine($"sizes: MACs not counted: onnx_macs.py exited {process.ExitCode}: {error.Trim().Split('\n').LastOrDefault()}");
                return result;
            }

            foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                using var doc = JsonDocument.Parse(line);
                result[doc.RootElement.GetProperty("path").GetString()!] = doc.RootElement.GetProperty("macs").GetInt64();
            }
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Console.WriteLine($"sizes: MACs not counted: /usr/bin/python3 cannot start ({ex.Message})");
        }

        return result;
    }

    /// <summary>Top-1 of each model on the split's photos (label = first path component), decoded as the station decodes.</summary>
    private static Dictionary<string, Score> Accuracy(List<ModelFile> models, BenchArguments a)
    {
        var result = new Dictionary<string, Score>();
        var split = File.Exists(a.Split) ? Path.GetFullPath(a.Split) : RepoFile(a.Split);
        var data = a.Data ?? (RepoFile("models") is { } m ? Path.GetFullPath(Path.Combine(m, "..", "..", "shared", "data", "trashnet")) : null);
        if (split is null || data is null || !Directory.Exists(data))
        {
            Console.WriteLine($"sizes: accuracy not measured: split list {a.Split} or photo folder {data ?? "../shared/data/trashnet"} not found (--split, --data)");
            return result;
        }

        var photos = File.ReadLines(split).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        var classifiers = models.Select(m => new OnnxClassifier(new ModelOptions { Path = m.Path, Workers = 1, IntraOpThreads = 2 })).ToArray();
        try
        {
            var correct = new int[models.Count];
            foreach (var photo in photos)
            {
                var label = photo.Split('/')[0];
                var frame = ImageFiles.Load(Path.Combine(data, photo), DateTimeOffset.UnixEpoch);
                for (var i = 0; i < classifiers.Length; i++)
                {
                    correct[i] += classifiers[i].Classify(frame).Top[0].Label == label ? 1 : 0;
                }
            }

            for (var i = 0; i < models.Count; i++)
            {
                result[models[i].Path] = new Score(correct[i], photos.Length);
            }

            Console.WriteLine($"sizes: accuracy on {photos.Length} photos of {split} from {data}");
        }
        finally
        {
            Array.ForEach(classifiers, c => c.Dispose());
        }

        return result;
    }

    /// <summary>A file of the checkout, found by walking up from the binary and from the working directory.</summary>
    private static string? RepoFile(string relative)
    {
        foreach (var origin in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate) || Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private sealed record ModelFile(string Folder, string Path, string Name, string Kind, int Size, double? ClaimedTop1, bool FineTunedAtSize);

    private sealed record Score(int Correct, int Total)
    {
        public double Top1 => (double)Correct / Total;
    }

    private sealed class Cell(ModelFile model, int threads)
    {
        public ModelFile Model { get; } = model;

        public int Threads { get; } = threads;

        public OnnxClassifier Classifier { get; } = new(new ModelOptions { Path = model.Path, Workers = 1, IntraOpThreads = threads });

        public List<double> Blocks { get; } = [];
    }
}
