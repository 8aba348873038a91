using SortStation.Core.Timing;

namespace SortStation.Demo;

/// <summary>How far gate fires were from their scheduled time, milliseconds.</summary>
public sealed record GateTimingReport(int Fired, double Mean, double Max)
{
    public static GateTimingReport From(IReadOnlyCollection<GateFiredEventArgs> fires)
    {
        ArgumentNullException.ThrowIfNull(fires);
        if (fires.Count == 0)
        {
            return new GateTimingReport(0, 0, 0);
        }

        var errors = fires.Select(f => Math.Abs(f.Error.TotalMilliseconds)).ToArray();
        return new GateTimingReport(errors.Length, Math.Round(errors.Average(), 2), Math.Round(errors.Max(), 2));
    }
}
