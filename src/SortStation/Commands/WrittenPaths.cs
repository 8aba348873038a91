using Microsoft.Extensions.Configuration;
using SortStation.Core.Options;
using SortStation.Kernel.Options;

namespace SortStation.Commands;

/// <summary>
/// check-config's probe of the files the station writes besides the outbox (checked by its own options
/// rules): the log files of every Serilog sink with a path (File, or one wrapped in Async). Relative paths
/// resolve against the working directory, as the service's do (/var/lib/sortstation under systemd).
/// </summary>
internal static class WrittenPaths
{
    public static IReadOnlyList<string> Check(IConfiguration configuration)
    {
        var errors = new ConfigErrors();
        var sinks = configuration.AsEnumerable()
            .Where(p => p.Value is not null && p.Key.StartsWith("Serilog:", StringComparison.OrdinalIgnoreCase) && p.Key.EndsWith(":Args:path", StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.Key, StringComparer.Ordinal);
        foreach (var (key, path) in sinks)
        {
            if (WritablePath.Problem(path!) is { } problem)
            {
                errors.Add(key, path, $"the log file cannot be written ({Path.GetFullPath(path!)}): {problem}", "point it at a directory the service user can write (relative paths are under /var/lib/sortstation with systemd), or remove the File sink.");
            }
        }

        return errors.Messages;
    }
}
