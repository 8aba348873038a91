using System.Diagnostics;

namespace SortStation.Central.Commands;

/// <summary>
/// For a CLI command run as root: remembers whether the SQLite file and its directory existed, and afterwards
/// gives what root created (the directory, the file, a left-over -wal/-shm) the owner of what holds it:
/// <c>chown --reference</c> (.NET has no chown; the arguments are paths only).
/// </summary>
internal sealed class SqliteOwnership
{
    private readonly string _file;
    private readonly string _directory;
    private readonly bool _fileExisted;
    private readonly bool _directoryExisted;

    public SqliteOwnership(string path)
    {
        _file = Path.GetFullPath(path);
        _directory = Path.GetDirectoryName(_file)!;
        _fileExisted = File.Exists(_file);
        _directoryExisted = Directory.Exists(_directory);
    }

    public void Restore()
    {
        if (!_directoryExisted && Directory.Exists(_directory))
        {
            Chown(Path.GetDirectoryName(_directory)!, [_directory]);
        }

        var reference = _fileExisted ? _file : _directory;
        string[] created = [.. new[] { _file, _file + "-wal", _file + "-shm" }.Where(f => f != reference && File.Exists(f))];
        if (created.Length > 0)
        {
            Chown(reference, created);
        }
    }

    private static void Chown(string reference, string[] paths)
    {
        using var chown = Process.Start(new ProcessStartInfo("chown", [$"--reference={reference}", "--", .. paths]) { RedirectStandardError = true })!;
        chown.StandardError.ReadToEnd();
        chown.WaitForExit();
    }
}
