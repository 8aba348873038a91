using SortStation.Core.Pipeline;

namespace SortStation.Demo;

/// <summary>The demo's summary, printed as text or as one JSON object.</summary>
public sealed record DemoReport(
    long Items,
    long Published,
    int Received,
    long Duplicates,
    string SubscribedTopic,
    long OtherStation,
    long Rejects,
    IReadOnlyDictionary<string, LabelReport> PerLabel,
    IReadOnlyDictionary<string, int> PerBin,
    decimal TotalValue,
    string Currency,
    LatencyReport LatencyMs,
    double InferenceMeanMs,
    GateTimingReport GateTimingMs,
    string Model,
    string Broker,
    string Frames,
    double ElapsedSeconds)
{
    /// <summary>Soft stops and lost records; filled in once the station has stopped.</summary>
    public DemoStoppage? Stoppage { get; init; }

    public static DemoReport Create(SortingSummary s, DemoDelivery delivery, string currency, GateTimingReport gates, (string Model, string Frames) source, string broker, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(delivery);
        var perLabel = s.PerLabel.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(
            p => p.Key,
            p => new LabelReport(p.Value.Count, Math.Round(p.Value.WeightKg, 3), Math.Round(p.Value.MeanWeightKg, 3), p.Value.Value));
        return new DemoReport(
            s.Items,
            delivery.Published,
            delivery.Received,
            delivery.Duplicates,
            delivery.Topic,
            delivery.OtherStation,
            s.Rejects,
            perLabel,
            s.PerBin.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(),
            s.TotalValue,
            currency,
            new LatencyReport(Math.Round(s.MeanLatencyMs, 2), Math.Round(s.P50LatencyMs, 2), Math.Round(s.P99LatencyMs, 2)),
            Math.Round(s.MeanInferenceMs, 2),
            gates,
            source.Model,
            broker,
            source.Frames,
            Math.Round(elapsed.TotalSeconds, 2));
    }

    public void WriteText(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"SortStation demo — {Items} items, model {Model}, broker {Broker}, {ElapsedSeconds:F1} s");
        output.WriteLine($"frames: {Frames}");
        output.WriteLine();
        output.WriteLine($"{"label",-12}{"items",7}{"total kg",11}{"mean kg",10}{"value " + Currency,14}");
        foreach (var (label, l) in PerLabel)
        {
            output.WriteLine($"{label,-12}{l.Count,7}{l.TotalWeightKg,11:F3}{l.MeanWeightKg,10:F3}{l.Value,14:N0}");
        }

        output.WriteLine();
        output.WriteLine("bins:   " + string.Join("   ", PerBin.Select(b => $"{b.Key} {b.Value}")));
        output.WriteLine($"rejects: {Rejects}    total value: {TotalValue:N0} {Currency}");
        output.WriteLine($"per-item latency (trigger → record in outbox): mean {LatencyMs.Mean:F1} ms, p50 {LatencyMs.P50:F1} ms, p99 {LatencyMs.P99:F1} ms; inference mean {InferenceMeanMs:F1} ms");
        var g = GateTimingMs;
        output.WriteLine($"gate timing error (start vs booked time): mean {g.Mean:F2} ms, max {g.Max:F2} ms over {g.Fired} fires; {g.Queued} waited for a busy gate (max {g.MaxQueued:F1} ms, within Belt:MaxLate)");
        output.WriteLine($"late fires (started after the item passed): {g.Late}    missed gates (recorded to the end-of-belt bin, reason missed-gate): {g.Missed}");
        output.WriteLine($"lost fires (booked, but the CPU or a driver ran late, so not started; their records name a bin not reached): {g.Lost}");
        output.WriteLine($"published (PUBACK): {Published}    received by subscriber: {Received} (on {SubscribedTopic})    duplicates (re-deliveries, dropped by itemId): {Duplicates}");
        if (OtherStation > 0)
        {
            output.WriteLine($"records on this station's topic naming another station (not counted): {OtherStation}");
        }

        Stoppage?.WriteText(output, Items);
    }
}
