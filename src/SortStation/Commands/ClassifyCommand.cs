using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SortStation.Core.Options;
using SortStation.Hosting;
using SortStation.Imaging;
using SortStation.Kernel.Hosting;
using SortStation.Kernel.Options;
using SortStation.Vision;
using SortStation.Operations;

namespace SortStation.Commands;

/// <summary><c>sortstation classify IMAGE...</c>: the configured model on image files.</summary>
internal static class ClassifyCommand
{
    public static Command Create()
    {
        var images = new Argument<FileInfo[]>("IMAGE") { Description = "Image files to classify.", Arity = ArgumentArity.OneOrMore };
        var json = CommonOptions.Json();
        var config = CommonOptions.Config();
        var command = new Command("classify", "Classify image files with the configured model: label, confidence and top-3 for each.") { images, json, config };
        command.SetAction(parse => Run(parse.GetValue(images)!, parse.GetValue(json), parse.GetValue(config)));
        return command;
    }

    private static int Run(FileInfo[] images, bool json, FileInfo? configFile)
    {
        OnnxClassifier classifier;
        ModelOptions options;
        try
        {
            var configuration = StationConfiguration.Build(configFile);
            options = configuration.GetSection(ModelOptions.Section).Get<ModelOptions>() ?? new ModelOptions();
            string[] failures =
            [
                .. new ModelOptionsValidator().Validate(null, options).Failures ?? [],
                .. new ConfigSchema([new ConfigSection(ModelOptions.Section, typeof(ModelOptions))]).UnknownKeys(configuration, ModelOptions.Section),
            ];
            if (failures.Length > 0)
            {
                throw new OptionsValidationException(ModelOptions.Section, typeof(ModelOptions), failures);
            }

            classifier = new OnnxClassifier(options);
        }
#pragma warning disable CA1031 // Start failures become a message and exit code 2.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return StartupFailure.Report(ex, Console.Error, StationHostBuilder.NotStarted);
        }

        using (classifier)
        {
            var results = images.Select(file => ClassifyOne(classifier, file, options.MaxImagePixels)).ToArray();
            Print(results, json, classifier.Model.Id);
            return results.All(r => r.Error is null) ? ExitCodes.Ok : ExitCodes.Failed;
        }
    }

    /// <summary>One file; whatever is wrong with it is its own line, and the next file is still classified.</summary>
    private static ClassifiedImage ClassifyOne(OnnxClassifier classifier, FileInfo file, long maxPixels)
    {
        try
        {
            var result = classifier.Classify(ImageFiles.Load(file.FullName, TimeProvider.System.GetUtcNow(), maxPixels));
            return new ClassifiedImage(file.ToString(), result.Best.Label, result.Best.Confidence, result.Top, result.InferenceTime.TotalMilliseconds, null);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or OpenCvSharp.OpenCVException or OutOfMemoryException)
        {
            return new ClassifiedImage(file.ToString(), null, null, null, null, ex.Message);
        }
    }

    private static void Print(ClassifiedImage[] results, bool json, string model)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { model, images = results }, CliJson.Options));
            return;
        }

        foreach (var r in results)
        {
            if (r.Error is not null)
            {
                Console.Error.WriteLine($"error: {r.Error}");
                continue;
            }

            var top = string.Join("  ", r.Top!.Select(t => $"{t.Label} {t.Confidence:P1}"));
            Console.WriteLine($"{r.File}: {r.Label} {r.Confidence:P1}   top-3: {top}   ({r.InferenceMs:F1} ms)");
        }
    }
}
