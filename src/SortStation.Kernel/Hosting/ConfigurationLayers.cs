using Microsoft.Extensions.Configuration;

namespace SortStation.Kernel.Hosting;

/// <summary>
/// The configuration layers both services use, lowest first: appsettings.json beside the binary, the site
/// file under /etc/sortstation, the --config file, environment variables with the service's prefix, then
/// values set by the command itself.
/// </summary>
public static class ConfigurationLayers
{
    public static void Add(
        IConfigurationBuilder builder,
        string systemFile,
        string environmentPrefix,
        FileInfo? configFile,
        IReadOnlyDictionary<string, string?>? overrides,
        bool reloadOnChange)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Sources.Clear();
        builder.SetBasePath(AppContext.BaseDirectory);
        builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false, reloadOnChange: false);
        builder.AddJsonFile(systemFile, optional: true, reloadOnChange: reloadOnChange);
        if (configFile is not null)
        {
            if (!configFile.Exists)
            {
                throw new FileNotFoundException($"--config {configFile.FullName}: no such file.", configFile.FullName);
            }

            builder.AddJsonFile(configFile.FullName, optional: false, reloadOnChange: reloadOnChange);
        }

        builder.AddEnvironmentVariables(environmentPrefix);
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides);
        }
    }
}
