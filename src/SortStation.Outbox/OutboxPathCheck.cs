using SortStation.Kernel.Options;

namespace SortStation.Outbox;

/// <summary>
/// Whether the outbox file can be written where Outbox:Path says, checked before the station starts (and by
/// check-config): the folder exists or can be made and a file can be created in it (<see cref="WritablePath"/>),
/// and an existing outbox file opens for writing. The outbox itself is not changed.
/// </summary>
internal static class OutboxPathCheck
{
    /// <summary>What is wrong with <paramref name="path"/>, or null when the outbox can be written there.</summary>
    public static string? Problem(string path)
    {
        if (WritablePath.Problem(path) is { } problem)
        {
            return problem;
        }

        var full = Path.GetFullPath(path);
        try
        {
            if (File.Exists(full))
            {
                using (new FileStream(full, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
                {
                }
            }
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return $"{full} cannot be written by this user ({ex.Message}).";
        }

        return null;
    }
}
