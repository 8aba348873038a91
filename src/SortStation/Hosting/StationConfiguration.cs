using Microsoft.Extensions.Configuration;
using SortStation.Kernel.Hosting;
using SortStation.Operations;

namespace SortStation.Hosting;

/// <summary>
/// The configuration layers, lowest first: appsettings.json beside the binary, /etc/sortstation/sortstation.json,
/// the --config file, SORTSTATION__ environment variables, then values set by the command itself.
/// </summary>
public static class StationConfiguration
{
    public const string SystemFile = "/etc/sortstation/sortstation.json";
    public const string EnvironmentPrefix = "SORTSTATION__";

    public static void AddLayers(IConfigurationBuilder builder, FileInfo? configFile, IReadOnlyDictionary<string, string?>? overrides) =>
        ConfigurationLayers.Add(builder, SystemFile, EnvironmentPrefix, configFile, overrides, reloadOnChange: true);

    public static IConfigurationRoot Build(FileInfo? configFile, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = new ConfigurationBuilder();
        AddLayers(builder, configFile, overrides);
        return builder.Build();
    }
}
