using SortStation.Core.Devices;

namespace SortStation.Commands;

/// <summary>Averages raw scale readings one at a time so a long read shows its progress.</summary>
internal static class ScaleSampling
{
    public static async Task<double> ReadCountsAsync(ICalibratableScale scale, int samples, TextWriter output, CancellationToken ct)
    {
        // A terminal gets a counter updated in place; a pipe or log gets one dot per sample.
        var live = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var sum = 0.0;
        output.Write("  reading the scale ");
        for (var i = 1; i <= samples; i++)
        {
            sum += await scale.ReadCountsAsync(1, ct);
            output.Write(live ? $"\r  reading the scale: {i}/{samples} samples" : ".");
        }

        output.WriteLine(live ? string.Empty : $" {samples} samples");
        return sum / samples;
    }
}
