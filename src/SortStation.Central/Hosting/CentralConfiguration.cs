using Microsoft.Extensions.Configuration;

namespace SortStation.Central.Hosting;

/// <summary>
/// The configuration layers, lowest first: appsettings.json beside the binary, /etc/sortstation/central.json,
/// the --config file, SORTSTATION_CENTRAL__ environment variables, then values set by the caller (tests).
/// </summary>
public static class CentralConfiguration
{
    public const string SystemFile = "/etc/sortstation/central.json";
    public const string EnvironmentPrefix = "SORTSTATION_CENTRAL__";

    public static void AddLayers(IConfigurationBuilder builder, FileInfo? configFile, IReadOnlyDictionary<string, string?>? overrides)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Sources.Clear();
        builder.SetBasePath(AppContext.BaseDirectory);
        builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false, reloadOnChange: false);
        builder.AddJsonFile(SystemFile, optional: true, reloadOnChange: false);
        if (configFile is not null)
        {
            if (!configFile.Exists)
            {
                throw new FileNotFoundException($"--config {configFile.FullName}: no such file.", configFile.FullName);
            }

            builder.AddJsonFile(configFile.FullName, optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides);
        }
    }

    public static IConfigurationRoot Build(FileInfo? configFile, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = new ConfigurationBuilder();
        AddLayers(builder, configFile, overrides);
        return builder.Build();
    }
}
