namespace SortStation.Telemetry;

/// <summary>
/// Whether the outbox file can be written where Outbox:Path says, checked before the station starts (and by
/// check-config): the folder exists or can be made, a file can be created in it, and an existing outbox file
/// opens for writing. The probe file is deleted on close; the outbox itself is not touched.
/// </summary>
internal static class OutboxPathCheck
{
    /// <summary>What is wrong with <paramref name="path"/>, or null when the outbox can be written there.</summary>
    public static string? Problem(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return $"{full} is a folder; the outbox is a file.";
        }

        // The nearest folder that exists: the outbox's own, or the one its folder will be created in.
        var folder = Path.GetDirectoryName(full);
        while (folder is not null && !Directory.Exists(folder))
        {
            if (File.Exists(folder))
            {
                return $"{folder} is a file, so the folder {Path.GetDirectoryName(full)} cannot be created.";
            }

            folder = Path.GetDirectoryName(folder);
        }

        if (folder is null)
        {
            return $"no folder of {full} exists.";
        }

        try
        {
            using (new FileStream(Path.Combine(folder, $".sortstation-write-check-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            if (File.Exists(full))
            {
                using (new FileStream(full, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
                {
                }
            }
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return $"cannot be written by this user ({ex.Message}).";
        }

        return null;
    }
}
