using System.Threading.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using SortStation.Core.Options;
using SortStation.Kernel.Options;
using SortStation.Vision;

namespace SortStation.Hosting;

/// <summary>
/// Swaps the model while the station runs when the Model section changes (a reloaded configuration file)
/// or the model's files change on disk. The candidate is validated, loaded and run on a sample frame
/// first; anything that fails is refused, logged, and the current model keeps sorting. Label lists that
/// disagree are refused (<see cref="ModelMetadataLoader"/>), and so are labels without a route or price when
/// Sorting:StrictLabels is true; otherwise those are logged as warnings, at start and after every swap.
/// </summary>
internal sealed class ModelReloader(
    IConfiguration configuration,
    SwappableClassifier classifier,
    IOptionsMonitor<SortingOptions> sorting,
    IOptionsMonitor<PricingOptions> pricing,
    TimeProvider time,
    ILogger<ModelReloader> log) : BackgroundService
{
    private const string FilesChanged = "files";

    private readonly Channel<string> _signals = Channel.CreateUnbounded<string>();
    private ModelOptions _current = new();
    private ModelOptions? _lastRefused;
    private PhysicalFileProvider? _files;
    private IDisposable? _fileWatch;

    /// <summary>Copying a model over the old one takes a moment: wait this long after the last change.</summary>
    public TimeSpan SettleDelay { get; init; } = TimeSpan.FromSeconds(1);

    public override void Dispose()
    {
        _fileWatch?.Dispose();
        _files?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _current = Bind();
        log.LogInformation("Sorting with model {Model} (sha256 {Hash}), {Threads}", classifier.Model.Id, classifier.Model.ContentHash, ThreadDefaults.Describe(_current, Environment.ProcessorCount));
        WarnLabels();
        WatchFiles(_current);
        using var configWatch = ChangeToken.OnChange(configuration.GetReloadToken, () => _signals.Writer.TryWrite("configuration"));
        try
        {
            while (await _signals.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(SettleDelay, time, stoppingToken);
                var filesChanged = false;
                while (_signals.Reader.TryRead(out var signal))
                {
                    filesChanged |= signal == FilesChanged;
                }

                Reload(filesChanged);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void Reload(bool filesChanged)
    {
        var candidate = Bind();
        var changes = Describe(_current, candidate, filesChanged);
        if (changes.Count == 0 || (!filesChanged && _lastRefused is not null && Same(candidate, _lastRefused)))
        {
            return; // A reload that did not touch the model, or the same refused settings again.
        }

        var what = string.Join("; ", changes);
        var validation = new ModelOptionsValidator().Validate(null, candidate);
        if (validation.Failed)
        {
            _lastRefused = candidate;
            log.LogError("Model reload refused ({Changes}): {Errors} Still sorting with {Model}", what, validation.FailureMessage, classifier.Model.Id);
            return;
        }

        try
        {
            var previous = classifier.Swap(candidate, SampleFrame.Create(time), m => ModelStartupCheck.Labels(m, sorting.CurrentValue, pricing.CurrentValue));
            var now = classifier.Model;
            if (previous.Id == now.Id && previous.ContentHash != now.ContentHash)
            {
                log.LogWarning(
                    "Model reloaded ({Changes}): {Previous} (sha256 {PreviousHash}) → {Model} (sha256 {Hash}): same name and version, other content, so records cannot tell the two apart. Fix: give the new model its own version in metadata.json",
                    what, previous.Id, previous.ContentHash, now.Id, now.ContentHash);
            }
            else
            {
                log.LogWarning("Model reloaded ({Changes}): {Previous} (sha256 {PreviousHash}) → {Model} (sha256 {Hash})", what, previous.Id, previous.ContentHash, now.Id, now.ContentHash);
            }

            _current = candidate;
            _lastRefused = null;
            WatchFiles(candidate);
            WarnLabels();
        }
        catch (ModelRefusedException ex)
        {
            _lastRefused = candidate;
            log.LogError("Model reload ({Changes}): {Reason}", what, ex.Message);
        }
    }

    private void WarnLabels()
    {
        foreach (var warning in LabelCoverage.Check(classifier.Model.Id, classifier.Model.Labels, sorting.CurrentValue, pricing.CurrentValue))
        {
            log.LogWarning("Model labels vs routes and prices: {Warning}", warning);
        }
    }

    private ModelOptions Bind()
    {
        var options = new ModelOptions();
        configuration.GetSection(ModelOptions.Section).Bind(options);
        return options;
    }

    /// <summary>Watches the folder of the model file (model, metadata.json, labels.txt live there).</summary>
    private void WatchFiles(ModelOptions options)
    {
        _fileWatch?.Dispose();
        _files?.Dispose();
        _files = null;
        if (AppPaths.Resolve(options.Path) is { } model && Path.GetDirectoryName(model) is { } folder && Directory.Exists(folder))
        {
            _files = new PhysicalFileProvider(folder);
            var files = _files;
            _fileWatch = ChangeToken.OnChange(() => files.Watch("*"), () => _signals.Writer.TryWrite(FilesChanged));
        }
    }

    private static List<string> Describe(ModelOptions old, ModelOptions now, bool filesChanged)
    {
        var changes = new List<string>();
        Compare(changes, "Model:Path", old.Path, now.Path);
        Compare(changes, "Model:MetadataPath", old.MetadataPath, now.MetadataPath);
        Compare(changes, "Model:LabelsPath", old.LabelsPath, now.LabelsPath);
        Compare(changes, "Model:IntraOpThreads", old.IntraOpThreads, now.IntraOpThreads);
        Compare(changes, "Model:IntraOpSpinning", old.IntraOpSpinning, now.IntraOpSpinning);
        Compare(changes, "Model:InterOpSpinning", old.InterOpSpinning, now.InterOpSpinning);
        Compare(changes, "Model:IntraOpThreadAffinities", old.IntraOpThreadAffinities, now.IntraOpThreadAffinities);
        Compare(changes, "Model:ExecutionMode", old.ExecutionMode, now.ExecutionMode);
        Compare(changes, "Model:TopK", old.TopK, now.TopK);
        if (filesChanged)
        {
            changes.Add($"model files changed in {Path.GetDirectoryName(AppPaths.Resolve(now.Path))}");
        }

        return changes;
    }

    private static void Compare<T>(List<string> changes, string key, T old, T now)
    {
        if (!EqualityComparer<T>.Default.Equals(old, now))
        {
            changes.Add($"{key}: {old?.ToString() ?? "(not set)"} → {now?.ToString() ?? "(not set)"}");
        }
    }

    private static bool Same(ModelOptions a, ModelOptions b) => Describe(a, b, filesChanged: false).Count == 0;
}
