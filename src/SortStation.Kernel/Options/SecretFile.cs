namespace SortStation.Kernel.Options;

/// <summary>
/// Refuses a password or key file that group or others may read or write, as ssh does for private keys:
/// on a shared host any local account could otherwise read the secret.
/// </summary>
public static class SecretFile
{
    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Adds an error naming the key, the mode and the fix when <paramref name="path"/> (resolved, existing) is too open.</summary>
    public static void Check(ConfigErrors errors, string key, string? configured, string? path)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (OperatingSystem.IsWindows() || string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupOrOthers) != 0)
        {
            errors.Add(key, configured, $"is accessible by group or others (mode {Octal(mode)}); it holds a secret.", $"chmod 600 {path} (owned by the service user).");
        }
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0x1FF, 8).PadLeft(4, '0');
}
