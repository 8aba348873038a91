namespace SortStation.Core.Options;

/// <summary>
/// What <c>Model:Workers</c> and <c>Model:IntraOpThreads</c> = <c>auto</c> mean on a machine with a given number of
/// cores (bench/README.md "Choosing Workers × IntraOpThreads" has the measurements behind each row):
/// <list type="table">
/// <item><term>1 core</term><description>1 × 1.</description></item>
/// <item><term>2 cores</term><description>2 × 1: two items classify at once on one thread each. Two one-thread runs
/// never wait at an operator's end for a partner thread the OS preempted to run the station's own threads; 1 × 2
/// did (loop 86–88 % of raw vs 89–92 %, overhead 1.13–1.16 vs 1.07–1.08 × raw). The price is latency: an
/// item takes one core's time (7.7 ms vs 4.3 ms here), far below a belt's interval.</description></item>
/// <item><term>3 cores</term><description>1 × 2, a core left to capture, outbox and MQTT.</description></item>
/// <item><term>4–7 cores (Raspberry Pi 4 and 5)</term><description>1 × 3: the lowest latency with a core left to the
/// rest of the station, so no intra-op thread is preempted by it; MobileNetV2 at one image gains little beyond 3.</description></item>
/// <item><term>8 or more</term><description>2 × 3: two items at once, cores left over.</description></item>
/// </list>
/// One of the two set and the other auto: Workers auto is the table's, lowered until Workers × IntraOpThreads
/// fits the cores; IntraOpThreads auto is the table's budget (its Workers × IntraOpThreads) shared by the workers.
/// </summary>
public static class ThreadDefaults
{
    /// <summary>The table's entry for <paramref name="cores"/>.</summary>
    public static (int Workers, int IntraOpThreads) For(int cores) => cores switch
    {
        <= 1 => (1, 1),
        2 => (2, 1),
        3 => (1, 2),
        < 8 => (1, 3),
        _ => (2, 3),
    };

    /// <summary>Workers and intra-op threads for <paramref name="options"/> on <paramref name="cores"/>: auto replaced by the table.</summary>
    public static (int Workers, int IntraOpThreads) Resolve(ModelOptions options, int cores)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (workers, threads) = For(cores);
        return (options.Workers.IsAuto, options.IntraOpThreads.IsAuto) switch
        {
            (true, true) => (workers, threads),
            (false, false) => (options.Workers.Value, options.IntraOpThreads.Value),
            (true, false) => (Math.Clamp(cores / Math.Max(1, options.IntraOpThreads.Value), 1, workers), options.IntraOpThreads.Value),
            (false, true) => (options.Workers.Value, Math.Max(1, workers * threads / Math.Max(1, options.Workers.Value))),
        };
    }

    /// <summary>"2 workers × 1 intra-op thread (auto on 2 cores)", for check-config and the start log.</summary>
    public static string Describe(ModelOptions options, int cores)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (workers, threads) = Resolve(options, cores);
        var auto = (options.Workers.IsAuto, options.IntraOpThreads.IsAuto) switch
        {
            (true, true) => " (auto",
            (true, false) => " (Workers auto",
            (false, true) => " (IntraOpThreads auto",
            _ => null,
        };
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{workers} worker(s) × {threads} intra-op thread(s){(auto is null ? string.Empty : $"{auto} on {cores} cores)")}");
    }
}
