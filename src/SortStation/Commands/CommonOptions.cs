using System.CommandLine;

namespace SortStation.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<FileInfo?> Config() => new("--config")
    {
        Description = "Extra JSON configuration file, applied over appsettings.json and /etc/sortstation/sortstation.json.",
    };

    public static Option<bool> Json() => new("--json") { Description = "Print one JSON document instead of text." };
}
