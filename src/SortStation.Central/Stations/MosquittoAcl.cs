namespace SortStation.Central.Stations;

/// <summary>
/// What the <c>stations</c> commands need from mosquitto's acl_file: that every station is confined to its own
/// prefix, and which user names are other accounts (a <c>user</c> block, such as central's) that must never be
/// provisioned or revoked as a station.
/// </summary>
public sealed class MosquittoAcl
{
    private readonly string[][] _lines;

    private MosquittoAcl(IEnumerable<string> lines) =>
        _lines = [.. lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split(' ', '\t').Where(p => p.Length > 0).ToArray())];

    public static MosquittoAcl Load(string path) => new(File.ReadAllLines(path));

    /// <summary>User names with a <c>user</c> block of their own.</summary>
    public IReadOnlySet<string> Accounts => _lines.Where(l => l is ["user", _]).Select(l => l[1]).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// True when stations may write under <c>{prefix}/%u/</c> and no pattern grants write (or readwrite) to
    /// anything broader: a pattern applies to every user, so a broad one would let any station speak for another.
    /// </summary>
    public bool ConfinesStations(string prefix)
    {
        var own = $"{prefix}/%u/#";
        var writes = _lines.Where(l => l is ["pattern", "write" or "readwrite", _]).Select(l => l[2]).ToArray();
        return writes.Contains(own) && writes.All(topic => topic.StartsWith($"{prefix}/%u/", StringComparison.Ordinal));
    }
}
