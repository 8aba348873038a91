using Microsoft.Extensions.Logging;

namespace SortStation.Core.Devices;

/// <summary>
/// Owns the station's gate drivers. Registered through <see cref="GateSetServiceCollectionExtensions.AddGates"/>,
/// so the container disposes it when the host is disposed: every gate is driven to its safe state and its driver
/// disposed (a solenoid's pin closed at its inactive level, a servo's PWM stopped). A bare
/// <c>IEnumerable&lt;IGate&gt;</c> registration is an array the container never disposes.
/// </summary>
public sealed class GateSet(IEnumerable<IGate> gates, ILogger<GateSet> log) : IDisposable
{
    private int _disposed;

    public IReadOnlyList<IGate> Gates { get; } = [.. gates];

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        foreach (var gate in Gates)
        {
            try
            {
                gate.EnterSafeState();
                (gate as IDisposable)?.Dispose();
            }
#pragma warning disable CA1031 // Every gate must be released even if one driver throws.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                log.LogError(ex, "Gate {Bin} could not be released", gate.Bin);
            }
        }

        log.LogInformation("Gates released: {Count} driver(s) in their safe state and disposed", Gates.Count);
    }
}
