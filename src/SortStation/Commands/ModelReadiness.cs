using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using SortStation.Core.Options;
using SortStation.Hosting;
using SortStation.Kernel.Options;
using SortStation.Vision;

namespace SortStation.Commands;

/// <summary>
/// check-config's model step: the model is loaded as <c>run</c> loads it (metadata, labels, input and output
/// shapes against the metadata) and classifies the sample frame a live swap must pass, so a corrupt or
/// mismatched model fails here (exit 2) instead of at start.
/// </summary>
internal static class ModelReadiness
{
    /// <summary>Errors (empty when the model is ready); <paramref name="report"/> receives its summary and label warnings.</summary>
    public static IReadOnlyList<string> Check(IServiceProvider services, TextWriter report)
    {
        var options = ((IOptions<ModelOptions>)services.GetService(typeof(IOptions<ModelOptions>))!).Value;
        var errors = new ConfigErrors();
        try
        {
            var warnings = ModelStartupCheck.Run(services);
            var watch = Stopwatch.StartNew();
            using var classifier = new OnnxClassifier(options);
            ModelCheck.Run(classifier, SampleFrame.Create(TimeProvider.System));
            var m = classifier.Metadata;
            report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Model {classifier.Model.Id} (sha256 {classifier.Model.ContentHash}): input 1x3x{m.InputHeight}x{m.InputWidth}, {m.Labels.Count} labels ({string.Join(", ", m.Labels)}); {ThreadDefaults.Describe(options, Environment.ProcessorCount)}; loaded and ran the sample frame in {watch.ElapsedMilliseconds} ms."));
            foreach (var warning in warnings)
            {
                report.WriteLine($"Warning: {warning}");
            }
        }
        catch (OptionsValidationException strict)
        {
            return strict.Failures.ToArray();
        }
        catch (Exception ex) when (ex is InvalidDataException or OnnxRuntimeException or IOException or UnauthorizedAccessException)
        {
            errors.Add("Model:Path", options.Path, $"the model cannot be used: {ex.Message}", "point Model:Path at a working .onnx with its metadata.json and labels.txt (sortstation classify IMAGE tries it on a photo); the shipped one is models/mobilenetv2-trashnet/model.onnx.");
        }

        return errors.Messages;
    }
}
