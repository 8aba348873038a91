using System.Globalization;
using Microsoft.Extensions.Options;

namespace SortStation.Kernel.Options;

/// <summary>
/// Collects configuration errors in the one shape a technician can act on:
/// <c>Key = value: what is wrong. Fix: what to do.</c>
/// </summary>
public sealed class ConfigErrors
{
    private readonly List<string> _errors = [];

    /// <summary>Shown as the value of a key that is a whole section: <c>Sortng = (a section): …</c>.</summary>
    public static object SectionValue { get; } = new Section();

    public int Count => _errors.Count;

    public IReadOnlyList<string> Messages => _errors;

    public void Add(string key, object? value, string problem, string fix) =>
        _errors.Add($"{key} = {Format(value)}: {problem} Fix: {fix}");

    public ValidateOptionsResult ToResult() =>
        _errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_errors);

    private static string Format(object? value) => value switch
    {
        null => "(not set)",
        string s => $"\"{s}\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private sealed class Section
    {
        public override string ToString() => "(a section)";
    }
}
