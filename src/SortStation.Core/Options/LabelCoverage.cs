using SortStation.Kernel.Options;

namespace SortStation.Core.Options;

/// <summary>
/// The model's labels against the routes and the price table: a label with no route goes to the reject
/// bin and one with no price is recorded without a value, while a route or price for a label the model
/// does not have is never used (often a typo). Warnings by default; errors with <see cref="SortingOptions.StrictLabels"/>.
/// </summary>
public static class LabelCoverage
{
    /// <summary>One line per finding, in the configuration errors' shape (key = value: problem. Fix: …).</summary>
    public static IReadOnlyList<string> Check(string model, IReadOnlyList<string> labels, SortingOptions sorting, PricingOptions pricing)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(sorting);
        ArgumentNullException.ThrowIfNull(pricing);
        var errors = new ConfigErrors();
        var known = new HashSet<string>(labels, StringComparer.OrdinalIgnoreCase);
        var list = string.Join(", ", labels);
        foreach (var label in labels)
        {
            if (!sorting.Routes.ContainsKey(label))
            {
                errors.Add($"Sorting:Routes:{label}", null, $"model {model} has the label '{label}' but no route for it, so every such item goes to the reject bin '{sorting.RejectBin}'.", $"add Sorting:Routes:{label} with its bin.");
            }

            if (!pricing.PerKg.ContainsKey(label))
            {
                errors.Add($"Pricing:PerKg:{label}", null, $"model {model} has the label '{label}' but no price for it, so its records carry no value.", $"add Pricing:PerKg:{label} (0 if the bank pays nothing for it).");
            }
        }

        foreach (var (label, bin) in sorting.Routes.Where(r => !known.Contains(r.Key)))
        {
            errors.Add($"Sorting:Routes:{label}", bin, $"model {model} has no label '{label}', so this route is never used.", Unused(label, labels, list));
        }

        foreach (var (label, price) in pricing.PerKg.Where(p => !known.Contains(p.Key)))
        {
            errors.Add($"Pricing:PerKg:{label}", price, $"model {model} has no label '{label}', so this price is never used.", Unused(label, labels, list));
        }

        return errors.Messages;
    }

    private static string Unused(string label, IReadOnlyList<string> labels, string list) =>
        KeySuggestion.Closest(label, labels) is { } closest
            ? $"did you mean {closest}? Rename it, or remove it."
            : $"remove it, or use one of the model's labels: {list}.";
}
