namespace SortStation.Clustering;

/// <summary>
/// Splits rows into fixed-size chunks. The chunk layout depends only on the row count, and callers
/// reduce per-chunk partials in chunk order, so results are bit-identical whatever the thread count.
/// </summary>
internal static class ChunkRunner
{
    public const int ChunkSize = 8192;

    public static int ChunkCount(int rows) => Math.Max(1, (rows + ChunkSize - 1) / ChunkSize);

    public static void For(int rows, Action<int, int, int> body, CancellationToken cancellationToken)
    {
        var chunks = ChunkCount(rows);
        if (chunks == 1)
        {
            cancellationToken.ThrowIfCancellationRequested();
            body(0, 0, rows);
            return;
        }

        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, chunks, options, c =>
        {
            var start = c * ChunkSize;
            body(c, start, Math.Min(rows, start + ChunkSize));
        });
    }
}
