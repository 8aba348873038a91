using System.Collections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;

namespace SortStation.Kernel.Options;

/// <summary>Which layer of the configuration a key came from: the file's path or the environment variable's name.</summary>
public static class ConfigKeySource
{
    /// <summary>E.g. <c>in /etc/sortstation/sortstation.json</c>; null when <paramref name="configuration"/> cannot tell.</summary>
    public static string? Describe(IConfiguration configuration, string key)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return null;
        }

        var places = root.Providers.Where(p => Holds(p, key)).Select(p => Describe(p, key)).Distinct(StringComparer.Ordinal).ToArray();
        return places.Length == 0 ? null : string.Join(" and ", places);
    }

    private static bool Holds(IConfigurationProvider provider, string key) =>
        provider.TryGet(key, out _) || provider.GetChildKeys([], key).Any();

    private static string Describe(IConfigurationProvider provider, string key) => provider switch
    {
        FileConfigurationProvider file => $"in {file.Source.FileProvider?.GetFileInfo(file.Source.Path ?? string.Empty).PhysicalPath ?? file.Source.Path}",
        EnvironmentVariablesConfigurationProvider => $"from the environment variable {VariableFor(key)}",
        MemoryConfigurationProvider => "set by the command itself",
        _ => $"from {provider}",
    };

    /// <summary>The variable that sets <paramref name="key"/> (or a key under it): its name with '__' read as ':' ends in the key.</summary>
    private static string VariableFor(string key)
    {
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            var path = name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
            var at = path.IndexOf(key, StringComparison.OrdinalIgnoreCase);
            var starts = at == 0 || (at > 0 && path[at - 1] == ':');
            var ends = at >= 0 && (at + key.Length == path.Length || path[at + key.Length] == ':');
            if (starts && ends)
            {
                return name;
            }
        }

        return key.Replace(ConfigurationPath.KeyDelimiter, "__", StringComparison.Ordinal);
    }
}
