namespace SortStation.Kernel.Options;

/// <summary>
/// Whether the service could create and write a file at a path: a file is created and deleted in its
/// directory, or, when the directory does not exist yet, in the nearest existing one above it (the service
/// creates the rest). Probing beats reading permission bits: it also sees read-only mounts, ACLs and a full inode table.
/// </summary>
public static class WritablePath
{
    /// <summary>Null when a file can be written at <paramref name="path"/> (relative to the working directory); else why not.</summary>
    public static string? Problem(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return $"{full} is a folder, not a file.";
        }

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
            return $"no folder above {full} exists.";
        }

        var probe = Path.Combine(folder, $".sortstation-write-probe-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"{folder} cannot be written by this user ({Environment.UserName}: {ex.Message}).";
        }
    }
}
