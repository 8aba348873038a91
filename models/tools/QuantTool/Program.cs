// Helper of models/scripts/quantize_int8.py, which cannot run ONNX Runtime in python here.
//
//   QuantTool calibrate <augmented.onnx> <fp32 model.onnx> <photo list> <out.json>
//     Runs the augmented fp32 graph (intermediate tensors exposed as outputs) on the listed photos after
//     the station's decoding and preprocessing (metadata.json beside the fp32 model) and writes, per output
//     tensor, its min/max and tail percentiles (two passes: range, then a 4096-bin histogram).
//   QuantTool evaluate <fp32.onnx> <int8.onnx> <photo list> <out.json> [runs]
//     Top-1 accuracy of both models through the station's OnnxClassifier on the listed photos (label =
//     first path component), their macro and per-class F1, their agreement, and latency side by side: median of <runs> (default 200)
//     Run calls after warm-up, 1 and 2 intra-op threads, the classifier's session settings, fp32 and
//     int8 interleaved in blocks so machine load hits both alike.
// A photo list holds one path per line relative to the list's "root" (first line "#root <dir>") or absolute.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using SortStation.Core.Options;
using SortStation.Imaging;
using SortStation.Vision;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var json = new JsonSerializerOptions { WriteIndented = true };

if (args.Length >= 5 && args[0] == "calibrate")
{
    Calibrate(args[1], args[2], ReadList(args[3]), args[4]);
    return 0;
}

if (args.Length >= 5 && args[0] == "evaluate")
{
    Evaluate(args[1], args[2], ReadList(args[3]), args[4], args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 200);
    return 0;
}

if (args.Length == 3 && args[0] == "optimized")
{
    // Diagnostic: the graph ONNX Runtime actually runs after ORT_ENABLE_ALL (which ops were fused).
    using var o = Options(1);
    o.OptimizedModelFilePath = args[2];
    using var session = new InferenceSession(args[1], o);
    Console.WriteLine($"wrote {args[2]}");
    return 0;
}

if (args.Length == 3 && args[0] == "profile")
{
    // Diagnostic: ONNX Runtime's per-node profile (JSON) of 50 runs on a zero input, 1 intra-op thread.
    using var o = Options(1);
    o.EnableProfiling = true;
    o.ProfileOutputPathPrefix = args[2];
    using var session = new InferenceSession(args[1], o);
    var zeros = new float[3 * 224 * 224];
    using var input = OrtValue.CreateTensorValueFromMemory(zeros, [1, 3, 224, 224]);
    using var run = new RunOptions();
    for (var i = 0; i < 50; i++)
    {
        using var r = session.Run(run, ["input"], [input], ["logits"]);
    }

    Console.WriteLine($"wrote {session.EndProfiling()}");
    return 0;
}

if (args.Length >= 4 && args[0] == "compare")
{
    Compare(args[1], args[2], ReadList(args[3]), args.Length > 4 && args[4] == "disable");
    return 0;
}

Console.Error.WriteLine("usage: QuantTool calibrate <augmented.onnx> <fp32.onnx> <list> <out.json>\n       QuantTool evaluate <fp32.onnx> <int8.onnx> <list> <out.json> [runs]");
return 2;

static List<string> ReadList(string path)
{
    var lines = File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
    var root = lines.Count > 0 && lines[0].StartsWith("#root ", StringComparison.Ordinal) ? lines[0][6..] : "";
    return lines.Where(l => !l.StartsWith('#')).Select(l => Path.Combine(root, l)).ToList();
}

static SessionOptions Options(int threads) => new()
{
    // Same settings as the station's OnnxClassifier.
    GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
    ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
    IntraOpNumThreads = threads,
    InterOpNumThreads = 1,
};

static float[] Tensor(ImagePreprocessor pre, string photo)
{
    var t = new float[pre.TensorLength];
    pre.Run(ImageFiles.Load(photo, DateTimeOffset.UnixEpoch), t);
    return t;
}

// Diagnostic: top-1 agreement and mean |logit difference| of two models on the listed photos; with
// "disable", the second model runs without graph optimisations (a QDQ graph then runs as float simulation).
void Compare(string a, string b, List<string> photos, bool simulate)
{
    var metadata = ModelMetadataLoader.Load(new ModelOptions { Path = Path.GetFullPath(a) });
    using var pre = new ImagePreprocessor(metadata);
    using var oa = Options(2);
    using var ob = Options(2);
    if (simulate)
    {
        ob.GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL;
    }

    using var sa = new InferenceSession(a, oa);
    using var sb = new InferenceSession(b, ob);
    using var run = new RunOptions();
    int agree = 0;
    double diff = 0;
    foreach (var p in photos)
    {
        var t = Tensor(pre, p);
        using var input = OrtValue.CreateTensorValueFromMemory(t, [1, 3, metadata.InputHeight, metadata.InputWidth]);
        using var ra = sa.Run(run, ["input"], [input], ["logits"]);
        using var rb = sb.Run(run, ["input"], [input], ["logits"]);
        var la = ra[0].GetTensorDataAsSpan<float>().ToArray();
        var lb = rb[0].GetTensorDataAsSpan<float>().ToArray();
        agree += Array.IndexOf(la, la.Max()) == Array.IndexOf(lb, lb.Max()) ? 1 : 0;
        diff += la.Zip(lb).Average(x => Math.Abs(x.First - x.Second));
    }

    Console.WriteLine($"compare{(simulate ? " (second model unoptimised)" : "")}: top-1 agreement {agree}/{photos.Count}, mean |logit diff| {diff / photos.Count:F4}");
}

void Calibrate(string augmented, string fp32, List<string> photos, string outPath)
{
    var metadata = ModelMetadataLoader.Load(new ModelOptions { Path = Path.GetFullPath(fp32) });
    using var pre = new ImagePreprocessor(metadata);
    using var options = Options(2);
    using var session = new InferenceSession(augmented, options);
    var names = session.OutputMetadata.Keys.ToArray();
    long[] shape = [1, 3, metadata.InputHeight, metadata.InputWidth];
    var tensors = photos.Select(p => Tensor(pre, p)).ToList();
    const int Bins = 4096;
    var min = Enumerable.Repeat(double.MaxValue, names.Length).ToArray();
    var max = Enumerable.Repeat(double.MinValue, names.Length).ToArray();
    var hist = names.Select(_ => new long[Bins]).ToArray();
    var counts = new long[names.Length];
    var channelSums = new double[names.Length][];
    var channelMax = new double[names.Length][];
    var sw = Stopwatch.StartNew();
    for (var pass = 0; pass < 2; pass++)
    {
        foreach (var t in tensors)
        {
            using var input = OrtValue.CreateTensorValueFromMemory(t, shape);
            using var run = new RunOptions();
            using var outputs = session.Run(run, [metadata.InputName ?? "input"], [input], names);
            for (var k = 0; k < names.Length; k++)
            {
                var v = outputs[k].GetTensorDataAsSpan<float>();
                if (pass == 0)
                {
                    var dims = outputs[k].GetTensorTypeAndShape().Shape;
                    if (dims.Length == 4)
                    {
                        // Per-channel sum (NCHW, batch 1), for the bias correction of the next conv.
                        int c = (int)dims[1], plane = (int)(dims[2] * dims[3]);
                        channelSums[k] ??= new double[c];
                        channelMax[k] ??= Enumerable.Repeat(double.MinValue, c).ToArray();
                        for (var ch = 0; ch < c; ch++)
                        {
                            double acc = 0, top = channelMax[k][ch];
                            foreach (var x in v.Slice(ch * plane, plane))
                            {
                                acc += x;
                                top = Math.Max(top, x);
                            }

                            channelSums[k][ch] += acc / plane;
                            channelMax[k][ch] = top;
                        }
                    }

                    double lo = min[k], hi = max[k];
                    foreach (var x in v)
                    {
                        if (x < lo) { lo = x; }
                        if (x > hi) { hi = x; }
                    }

                    min[k] = lo;
                    max[k] = hi;
                }
                else
                {
                    var h = hist[k];
                    var lo = min[k];
                    var scale = Bins / Math.Max(max[k] - min[k], 1e-12);
                    foreach (var x in v)
                    {
                        h[Math.Clamp((int)((x - lo) * scale), 0, Bins - 1)]++;
                    }

                    counts[k] += v.Length;
                }
            }
        }

        Console.WriteLine($"calibration pass {pass + 1}/2: {tensors.Count} photos, {names.Length} tensors, {sw.Elapsed.TotalSeconds:F1} s");
    }

    double Quantile(int k, double q)
    {
        // Value below which a fraction q of the tensor's elements lie (bin edges, conservative outward).
        var target = q * counts[k];
        long acc = 0;
        var width = (max[k] - min[k]) / Bins;
        for (var b = 0; b < Bins; b++)
        {
            acc += hist[k][b];
            if (acc >= target)
            {
                return min[k] + ((b + 1) * width);
            }
        }

        return max[k];
    }

    var result = new Dictionary<string, object>();
    var means = new Dictionary<string, double[]>();
    var maxima = new Dictionary<string, double[]>();
    for (var k = 0; k < names.Length; k++)
    {
        if (channelSums[k] is { } sums)
        {
            means[names[k]] = sums.Select(x => x / tensors.Count).ToArray();
            maxima[names[k]] = channelMax[k];
        }

        result[names[k]] = new Dictionary<string, double>
        {
            ["min"] = min[k], ["max"] = max[k],
            ["p0.001"] = Math.Max(min[k], Quantile(k, 1e-5) - ((max[k] - min[k]) / Bins)), ["p99.999"] = Quantile(k, 1 - 1e-5),
            ["p0.01"] = Math.Max(min[k], Quantile(k, 1e-4) - ((max[k] - min[k]) / Bins)), ["p99.99"] = Quantile(k, 1 - 1e-4),
        };
    }

    File.WriteAllText(outPath, JsonSerializer.Serialize(new { photos = tensors.Count, tensors = result, channelMeans = means, channelMax = maxima }, json));
    Console.WriteLine($"wrote {outPath}");
}

void Evaluate(string fp32, string int8, List<string> photos, string outPath, int runs)
{
    var models = new[] { ("fp32", fp32), ("int8", int8) };
    var truth = photos.Select(p => Path.GetFileName(Path.GetDirectoryName(p))!).ToArray();
    var predictions = new Dictionary<string, string[]>();
    var sw = Stopwatch.StartNew();
    foreach (var (name, path) in models)
    {
        using var classifier = new OnnxClassifier(new ModelOptions { Path = Path.GetFullPath(path), IntraOpThreads = 2 });
        predictions[name] = photos.Select(p => classifier.Classify(ImageFiles.Load(p, DateTimeOffset.UnixEpoch)).Top[0].Label).ToArray();
        Console.WriteLine($"{name}: {predictions[name].Zip(truth).Count(x => x.First == x.Second)}/{photos.Count} correct ({sw.Elapsed.TotalSeconds:F0} s)");
    }

    var accuracy = models.ToDictionary(m => m.Item1, m => (double)predictions[m.Item1].Zip(truth).Count(x => x.First == x.Second) / photos.Count);
    var agreement = (double)predictions["fp32"].Zip(predictions["int8"]).Count(x => x.First == x.Second) / photos.Count;
    var labels = truth.Distinct().Order(StringComparer.Ordinal).ToArray();
    var perClass = labels.ToDictionary(l => l, l => models.ToDictionary(m => m.Item1, m =>
    {
        var idx = Enumerable.Range(0, photos.Count).Where(i => truth[i] == l).ToArray();
        return Math.Round((double)idx.Count(i => predictions[m.Item1][i] == l) / idx.Length, 4);
    }));
    var f1 = models.ToDictionary(m => m.Item1, m => F1(labels, truth, predictions[m.Item1]));

    var metadata = ModelMetadataLoader.Load(new ModelOptions { Path = Path.GetFullPath(fp32) });
    float[] tensor;
    using (var pre = new ImagePreprocessor(metadata))
    {
        tensor = Tensor(pre, photos[0]);
    }

    var loadBefore = File.ReadAllText("/proc/loadavg").Trim();
    var latency = new Dictionary<string, object>();
    foreach (var threads in runs > 0 ? new[] { 1, 2 } : [])
    {
        var sessions = models.Select(m => new InferenceSession(m.Item2, Options(threads))).ToArray();
        var times = models.Select(_ => new List<double>()).ToArray();
        try
        {
            using var input = OrtValue.CreateTensorValueFromMemory(tensor, [1, 3, metadata.InputHeight, metadata.InputWidth]);
            using var run = new RunOptions();
            string[] inNames = [metadata.InputName ?? "input"], outNames = [metadata.OutputName ?? "logits"];
            // Blocks of 50 alternate between the models; the first runs of a block are not timed: at 2 threads
            // the other session's pool worker is still spinning then and would slow this one (two pools, 2 cores).
            const int Block = 50, Skip = 5, Warmup = 20;
            for (var s = 0; s < sessions.Length; s++)
            {
                for (var i = 0; i < Warmup; i++)
                {
                    using var o = sessions[s].Run(run, inNames, [input], outNames);
                }
            }

            while (times[0].Count < runs)
            {
                for (var s = 0; s < sessions.Length; s++)
                {
                    for (var i = 0; i < Block; i++)
                    {
                        var t0 = Stopwatch.GetTimestamp();
                        using var o = sessions[s].Run(run, inNames, [input], outNames);
                        if (i >= Skip)
                        {
                            times[s].Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                        }
                    }
                }
            }
        }
        finally
        {
            foreach (var s in sessions)
            {
                s.Dispose();
            }
        }

        static double Pct(List<double> v, double q)
        {
            var sorted = v.Order().ToArray();
            return sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(q * sorted.Length))];
        }

        double f = Pct(times[0], 0.5), q = Pct(times[1], 0.5);
        latency[$"threads{threads}"] = new
        {
            runs = times[0].Count,
            fp32 = new { medianMs = Math.Round(f, 3), p10Ms = Math.Round(Pct(times[0], 0.1), 3), p90Ms = Math.Round(Pct(times[0], 0.9), 3), minMs = Math.Round(times[0].Min(), 3) },
            int8 = new { medianMs = Math.Round(q, 3), p10Ms = Math.Round(Pct(times[1], 0.1), 3), p90Ms = Math.Round(Pct(times[1], 0.9), 3), minMs = Math.Round(times[1].Min(), 3) },
            speedup = Math.Round(f / q, 3),
            speedupOfMin = Math.Round(times[0].Min() / times[1].Min(), 3),
        };
        Console.WriteLine($"{threads} thread(s): fp32 median {f:F2} ms, int8 median {q:F2} ms, speed-up {f / q:F2}x (min {times[0].Min():F2} / {times[1].Min():F2} ms)");
    }

    var loadAfter = File.ReadAllText("/proc/loadavg").Trim();
    var report = new
    {
        testPhotos = photos.Count,
        accuracy = new { fp32 = Math.Round(accuracy["fp32"], 4), int8 = Math.Round(accuracy["int8"], 4) },
        accuracyDropPoints = Math.Round(100 * (accuracy["fp32"] - accuracy["int8"]), 2),
        top1Agreement = Math.Round(agreement, 4),
        perClassRecall = perClass,
        f1,
        latency,
        loadAverage = new { before = loadBefore, after = loadAfter },
        cpus = Environment.ProcessorCount,
        onnxRuntime = typeof(InferenceSession).Assembly.GetName().Version?.ToString(),
        sessionOptions = "ORT_ENABLE_ALL, ORT_SEQUENTIAL, inter-op 1 (as OnnxClassifier)",
        fileBytes = new { fp32 = new FileInfo(fp32).Length, int8 = new FileInfo(int8).Length },
    };
    File.WriteAllText(outPath, JsonSerializer.Serialize(report, json));
    Console.WriteLine($"accuracy fp32 {accuracy["fp32"]:P2}, int8 {accuracy["int8"]:P2}, agreement {agreement:P2}; wrote {outPath}");

    // Per-class F1 (2 TP / (2 TP + FP + FN)) and their mean, as scikit-learn's f1_score(average="macro").
    static object F1(string[] labels, string[] truth, string[] predicted)
    {
        var perClass = labels.ToDictionary(l => l, l =>
        {
            int tp = 0, wrong = 0;
            for (var i = 0; i < truth.Length; i++)
            {
                tp += truth[i] == l && predicted[i] == l ? 1 : 0;
                wrong += (truth[i] == l) != (predicted[i] == l) ? 1 : 0;
            }

            return tp == 0 ? 0.0 : 2.0 * tp / ((2 * tp) + wrong);
        });
        return new { macro = Math.Round(perClass.Values.Average(), 4), perClass = perClass.ToDictionary(p => p.Key, p => Math.Round(p.Value, 4)) };
    }
}
