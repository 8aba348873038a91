using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace SortStation.Kernel.Options;

/// <summary>
/// Every key a service reads, from its <see cref="ConfigSection"/>s and their options types (by reflection,
/// so a new property is known without a list to keep): whether a key exists, what it probably meant when
/// it does not, and whether it applies live (<see cref="AppliedLiveAttribute"/>).
/// </summary>
public sealed class ConfigSchema
{
    private static readonly string[] SecretWords = ["password", "secret", "token", "connectionstring"];

    private readonly Dictionary<string, ConfigSection[]> _sections;

    public ConfigSchema(IEnumerable<ConfigSection> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        _sections = sections
            .GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Distinct().ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    public IEnumerable<string> SectionNames => _sections.Keys.Order(StringComparer.Ordinal);

    /// <summary>Finds <paramref name="key"/> (e.g. <c>Sorting:Bins:glass:Pin</c>) in the schema.</summary>
    public ConfigKeyLookup Lookup(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var path = key.Split(ConfigurationPath.KeyDelimiter);
        if (!_sections.TryGetValue(path[0], out var sections))
        {
            return ConfigKeyLookup.Unknown(0, [.. SectionNames]);
        }

        ConfigKeyLookup? firstUnknown = null;
        foreach (var section in sections)
        {
            var lookup = section.OptionsType is null ? FreeForm(section, path) : Walk(section.OptionsType, path);
            if (lookup.Known)
            {
                return lookup;
            }

            firstUnknown ??= lookup;
        }

        return firstUnknown!;
    }

    /// <summary>
    /// The keys that apply without a restart, in order, <c>*</c> standing for any name (a bin, a label);
    /// a key listed applies live with every key under it. For the README's list and its test.
    /// </summary>
    public IReadOnlyList<string> LiveKeys()
    {
        var keys = new List<string>();
        foreach (var section in _sections.Values.SelectMany(s => s))
        {
            if (section.OptionsType is null)
            {
                keys.AddRange((section.LiveKeys ?? []).Select(k => ConfigurationPath.Combine(section.Name, k)));
            }
            else
            {
                CollectLive(keys, section.Name, section.OptionsType, depth: 0);
            }
        }

        return [.. keys.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Every key in <paramref name="configuration"/> that no section reads, one error each (the outermost
    /// unknown key of a subtree), naming where it came from and what it probably meant.
    /// </summary>
    /// <param name="configuration">The configuration root (its providers name the sources).</param>
    /// <param name="section">Only keys of this section (a command that reads one section); null: every key.</param>
    public IReadOnlyList<string> UnknownKeys(IConfiguration configuration, string? section = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var unknown = new SortedDictionary<string, ConfigKeyLookup>(StringComparer.OrdinalIgnoreCase);
        var keys = configuration.AsEnumerable().Select(p => p.Key);
        if (section is not null)
        {
            keys = keys.Where(k => k.StartsWith(section + ConfigurationPath.KeyDelimiter, StringComparison.OrdinalIgnoreCase));
        }

        foreach (var key in keys)
        {
            var lookup = Lookup(key);
            if (!lookup.Known)
            {
                var outermost = string.Join(ConfigurationPath.KeyDelimiter, key.Split(ConfigurationPath.KeyDelimiter).Take(lookup.UnknownAt + 1));
                unknown.TryAdd(outermost, lookup);
            }
        }

        var errors = new ConfigErrors();
        foreach (var (key, lookup) in unknown)
        {
            Describe(errors, configuration, key, lookup);
        }

        return errors.Messages;
    }

    private static void Describe(ConfigErrors errors, IConfiguration configuration, string key, ConfigKeyLookup lookup)
    {
        var name = ConfigurationPath.GetSectionKey(key);
        var parent = ConfigurationPath.GetParentPath(key);
        var isSection = configuration.GetSection(key).GetChildren().Any();
        object? value = isSection ? ConfigErrors.SectionValue : Secret(key) ? "(hidden)" : configuration[key];
        var source = ConfigKeySource.Describe(configuration, key) is { } where ? $" ({where})" : string.Empty;
        var what = parent is null ? "section" : "key";
        var problem = lookup.UnderValue
            ? $"{parent} is a single value and has no keys under it{source}; this one has no effect."
            : $"is not a known {what}{source}; nothing reads it, so it has no effect.";
        var closest = KeySuggestion.Closest(name, lookup.Candidates);
        var known = parent is null ? $"the sections: {string.Join(", ", lookup.Candidates)}" : $"the keys of {parent}: {string.Join(", ", lookup.Candidates)}";
        var fix = closest is not null
            ? $"did you mean {closest}? Rename it to {(parent is null ? closest : parent + ConfigurationPath.KeyDelimiter + closest)}, or remove it."
            : lookup.Candidates.Count > 0 ? $"remove it, or use one of {known}." : "remove it.";
        errors.Add(key, value, problem, fix);
    }

    private static void CollectLive(List<string> keys, string path, Type type, int depth)
    {
        if (depth > 8)
        {
            return; // a type that contains itself
        }

        switch (ConfigShape.Of(type, out var element))
        {
            case ConfigShape.Kind.Map:
                CollectLive(keys, ConfigurationPath.Combine(path, "*"), element!, depth + 1);
                break;
            case ConfigShape.Kind.List:
                CollectLive(keys, ConfigurationPath.Combine(path, "*"), element!, depth + 1);
                break;
            case ConfigShape.Kind.Object:
                foreach (var (name, property) in ConfigShape.Properties(type))
                {
                    var key = ConfigurationPath.Combine(path, name);
                    if (property.IsDefined(typeof(AppliedLiveAttribute), inherit: true))
                    {
                        keys.Add(key);
                    }
                    else
                    {
                        CollectLive(keys, key, property.PropertyType, depth + 1);
                    }
                }

                break;
        }
    }

    // A mistyped password or connection string must not be echoed to the console and the journal.
    private static bool Secret(string key) =>
        SecretWords.Any(w => key.Contains(w, StringComparison.OrdinalIgnoreCase));

    private static ConfigKeyLookup FreeForm(ConfigSection section, string[] path)
    {
        var below = string.Join(ConfigurationPath.KeyDelimiter, path.Skip(1));
        var live = section.LiveKeys?.Contains(below, StringComparer.OrdinalIgnoreCase) ?? false;
        return ConfigKeyLookup.Found(live);
    }

    private static ConfigKeyLookup Walk(Type type, string[] path)
    {
        var live = false;
        for (var i = 1; i < path.Length; i++)
        {
            switch (ConfigShape.Of(type, out var element))
            {
                case ConfigShape.Kind.FreeForm:
                    return ConfigKeyLookup.Found(live);
                case ConfigShape.Kind.Value:
                    return ConfigKeyLookup.Unknown(i, [], underValue: true);
                case ConfigShape.Kind.Map:
                    type = element!;
                    break;
                case ConfigShape.Kind.List:
                    if (!int.TryParse(path[i], NumberStyles.None, CultureInfo.InvariantCulture, out _))
                    {
                        return ConfigKeyLookup.Unknown(i, []);
                    }

                    type = element!;
                    break;
                default:
                    var properties = ConfigShape.Properties(type);
                    if (!properties.TryGetValue(path[i], out var property))
                    {
                        return ConfigKeyLookup.Unknown(i, [.. properties.Keys]);
                    }

                    live |= property.IsDefined(typeof(AppliedLiveAttribute), inherit: true);
                    type = property.PropertyType;
                    break;
            }
        }

        return ConfigKeyLookup.Found(live);
    }
}
