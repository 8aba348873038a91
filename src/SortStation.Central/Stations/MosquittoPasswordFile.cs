namespace SortStation.Central.Stations;

/// <summary>
/// mosquitto's password file (<c>user:hash</c> per line), changed under a lock file and replaced atomically
/// (written beside it, then renamed), so the broker never reads half a file and two <c>stations</c> commands
/// never lose each other's change. The new file keeps the old one's mode (0640 for a new one: the broker
/// reads it through its group, which the setgid directory made by install.sh gives it).
/// </summary>
public sealed class MosquittoPasswordFile : IDisposable
{
    private const UnixFileMode DefaultMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
    private readonly string _path;
    private readonly FileStream _lock;
    private readonly List<string> _lines;

    private MosquittoPasswordFile(string path, FileStream lockFile)
    {
        _path = path;
        _lock = lockFile;
        _lines = File.Exists(path) ? [.. File.ReadAllLines(path)] : [];
    }

    public IEnumerable<string> Users => _lines.Select(UserOf).OfType<string>();

    /// <summary>Opens the file for a change, waiting up to 10 s for another command holding the lock.</summary>
    public static async Task<MosquittoPasswordFile> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                var lockFile = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new MosquittoPasswordFile(path, lockFile);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    /// <summary>The user names in the file without locking it (for listing); null when it cannot be read.</summary>
    public static IReadOnlySet<string>? ReadUsers(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadLines(path).Select(UserOf).OfType<string>().ToHashSet(StringComparer.Ordinal) : new HashSet<string>();
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public bool Contains(string user) => _lines.Any(l => UserOf(l) == user);

    public void Set(string user, string hash)
    {
        Remove(user);
        _lines.Add($"{user}:{hash}");
    }

    public bool Remove(string user) => _lines.RemoveAll(l => UserOf(l) == user) > 0;

    public void Save()
    {
        var mode = File.Exists(_path) && !OperatingSystem.IsWindows() ? File.GetUnixFileMode(_path) : DefaultMode;
        var temp = $"{_path}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
        {
            foreach (var line in _lines)
            {
                writer.Write(line);
                writer.Write('\n');
            }

            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, _path, overwrite: true);
    }

    public void Dispose() => _lock.Dispose();

    private static string? UserOf(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && !line.StartsWith('#') ? line[..colon] : null;
    }
}
