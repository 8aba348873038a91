namespace SortStation.Kernel.Options;

/// <summary>
/// Resolves relative paths from configuration: first against the working directory (a technician running
/// a command from a checkout), then against the install directory (systemd runs from /).
/// </summary>
public static class AppPaths
{
    public static string? Resolve(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (Path.IsPathRooted(path))
        {
            return path;
        }

        var fromWorkingDir = Path.GetFullPath(path);
        if (File.Exists(fromWorkingDir) || Directory.Exists(fromWorkingDir))
        {
            return fromWorkingDir;
        }

        return Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, path));
    }
}
