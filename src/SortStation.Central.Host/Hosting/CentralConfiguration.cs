using Microsoft.Extensions.Configuration;
using SortStation.Kernel.Hosting;
using SortStation.Operations;

namespace SortStation.Central.Hosting;

/// <summary>
/// The configuration layers, lowest first: appsettings.json beside the binary, /etc/sortstation/central.json,
/// the --config file, SORTSTATION_CENTRAL__ environment variables, then values set by the caller (tests).
/// </summary>
public static class CentralConfiguration
{
    public const string SystemFile = "/etc/sortstation/central.json";
    public const string EnvironmentPrefix = "SORTSTATION_CENTRAL__";

    public static void AddLayers(IConfigurationBuilder builder, FileInfo? configFile, IReadOnlyDictionary<string, string?>? overrides) =>
        ConfigurationLayers.Add(builder, SystemFile, EnvironmentPrefix, configFile, overrides, reloadOnChange: false);

    public static IConfigurationRoot Build(FileInfo? configFile, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = new ConfigurationBuilder();
        AddLayers(builder, configFile, overrides);
        return builder.Build();
    }
}
