namespace SortStation.Central.Storage;

/// <summary>Rejected messages of one batch by <see cref="Ingest.RejectReason"/> code.</summary>
public sealed class RejectionCounts
{
    private readonly SortedDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public static RejectionCounts None => new();

    public int Total { get; private set; }

    public IReadOnlyDictionary<string, int> ByReason => _counts;

    public static RejectionCounts Of(params (string Reason, int Count)[] counts)
    {
        var result = new RejectionCounts();
        foreach (var (reason, count) in counts)
        {
            result.Add(reason, count);
        }

        return result;
    }

    public void Add(string reason, int count = 1)
    {
        _counts[reason] = _counts.GetValueOrDefault(reason) + count;
        Total += count;
    }
}
