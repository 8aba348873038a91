// Runs the exported model under ONNX Runtime on the test tensors export_onnx.py wrote, and
// compares with PyTorch's logits (python has no onnxruntime on this machine).
// Usage: OnnxCheck <model.onnx> <check dir> [input name] [output name]
//   (check dir holds check.json, inputs.f32, torch_logits.f32; names default to the station's input / logits;
//   import_teacher.py uses them to check its ResNet18 conversion, whose output is a 512-feature vector)
// Exit code 1 when the largest absolute logit difference exceeds 1e-3 or a top-1 differs.
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;

if (args.Length is not (2 or 4))
{
    Console.Error.WriteLine("usage: OnnxCheck <model.onnx> <check dir> [input name] [output name]");
    return 2;
}

string inputName = args.Length == 4 ? args[2] : "input", outputName = args.Length == 4 ? args[3] : "logits";

var dir = args[1];
using var shape = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "check.json")));
int Dim(string name) => shape.RootElement.GetProperty(name).GetInt32();
int count = Dim("count"), classes = Dim("classes");
long[] inputShape = [1, Dim("channels"), Dim("height"), Dim("width")];
int sampleSize = (int)(inputShape[1] * inputShape[2] * inputShape[3]);

float[] inputs = ReadFloats(Path.Combine(dir, "inputs.f32"), count * sampleSize);
float[] expected = ReadFloats(Path.Combine(dir, "torch_logits.f32"), count * classes);

using var session = new InferenceSession(args[0]);
using var runOptions = new RunOptions();
double maxDiff = 0;
int top1Mismatches = 0;
for (int i = 0; i < count; i++)
{
    float[] sample = inputs.AsSpan(i * sampleSize, sampleSize).ToArray();
    using var input = OrtValue.CreateTensorValueFromMemory(sample, inputShape);
    using var outputs = session.Run(runOptions, [inputName], [input], [outputName]);
    ReadOnlySpan<float> logits = outputs[0].GetTensorDataAsSpan<float>();
    ReadOnlySpan<float> reference = expected.AsSpan(i * classes, classes);
    for (int c = 0; c < classes; c++)
    {
        maxDiff = Math.Max(maxDiff, Math.Abs(logits[c] - reference[c]));
    }

    if (ArgMax(logits) != ArgMax(reference))
    {
        top1Mismatches++;
    }
}

string ortVersion = typeof(InferenceSession).Assembly.GetName().Version?.ToString() ?? "?";
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ONNX Runtime {ortVersion}: {count} test tensors, max |logit diff| vs PyTorch {maxDiff:E3}, top-1 mismatches {top1Mismatches}"));
File.WriteAllText(Path.Combine(dir, "result.json"), string.Create(CultureInfo.InvariantCulture,
    $"{{\"count\": {count}, \"maxAbsDiff\": {maxDiff:R}, \"top1Mismatches\": {top1Mismatches}, \"onnxRuntime\": \"{ortVersion}\"}}\n"));
return maxDiff <= 1e-3 && top1Mismatches == 0 ? 0 : 1;

static float[] ReadFloats(string path, int expectedCount)
{
    byte[] bytes = File.ReadAllBytes(path);
    float[] values = MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    return values.Length == expectedCount
        ? values
        : throw new InvalidDataException($"{path}: {values.Length} floats, expected {expectedCount}");
}

static int ArgMax(ReadOnlySpan<float> values)
{
    int best = 0;
    for (int i = 1; i < values.Length; i++)
    {
        if (values[i] > values[best])
        {
            best = i;
        }
    }

    return best;
}
