namespace SortStation.Kernel.Timing;

/// <summary>The next tick of a <see cref="PeriodicTimer"/> as a loop condition: false once the host stops, not an exception.</summary>
public static class PeriodicTicks
{
    public static async Task<bool> NextAsync(PeriodicTimer timer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(timer);
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
