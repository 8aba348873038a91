using System.CommandLine;

namespace SortStation.Central.Commands;

/// <summary>The --config option shared by run and stats.</summary>
internal static class ConfigOption
{
    public static Option<FileInfo?> Create() => new("--config")
    {
        Description = "JSON file layered over appsettings.json and /etc/sortstation/central.json.",
    };
}
