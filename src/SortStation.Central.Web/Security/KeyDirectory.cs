namespace SortStation.Central.Web.Security;

/// <summary>The data-protection key folder, made readable by the service user only (the keys sign every session).</summary>
internal static class KeyDirectory
{
    public static DirectoryInfo Create(string path)
    {
        var directory = Directory.CreateDirectory(Path.GetFullPath(path));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return directory;
    }
}
