using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SortStation.Core.Classification;
using SortStation.Core.Options;
using SortStation.Vision;

namespace SortStation.Hosting;

/// <summary>
/// The configured model's metadata and labels, read before anything starts (run, demo, check-config): label
/// lists that disagree stop the start (exit 2), and so do labels without a route or price (or routes and
/// prices for labels the model lacks) when Sorting:StrictLabels is true; otherwise those are warnings.
/// </summary>
internal static class ModelStartupCheck
{
    /// <summary>Returns the label warnings; throws <see cref="InvalidDataException"/> or <see cref="OptionsValidationException"/> (both exit 2).</summary>
    public static IReadOnlyList<string> Run(IServiceProvider services)
    {
        var metadata = ModelMetadataLoader.Load(services.GetRequiredService<IOptions<ModelOptions>>().Value);
        return Labels(
            new ModelInfo(metadata.Name, metadata.Version, metadata.Labels),
            services.GetRequiredService<IOptions<SortingOptions>>().Value,
            services.GetRequiredService<IOptions<PricingOptions>>().Value);
    }

    /// <summary><paramref name="model"/>'s labels against routes and prices: the warnings, or an exception in strict mode.</summary>
    public static IReadOnlyList<string> Labels(ModelInfo model, SortingOptions sorting, PricingOptions pricing)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sorting);
        var findings = LabelCoverage.Check(model.Id, model.Labels, sorting, pricing);
        if (findings.Count > 0 && sorting.StrictLabels)
        {
            throw new OptionsValidationException(SortingOptions.Section, typeof(SortingOptions), [
                .. findings,
                "Sorting:StrictLabels = true: the label mismatches above are errors. Fix: correct them, or set Sorting:StrictLabels to false to sort with warnings.",
            ]);
        }

        return findings;
    }
}
