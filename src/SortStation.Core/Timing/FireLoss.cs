namespace SortStation.Core.Timing;

/// <summary>
/// Why a fire that was booked (its item's record already names the gate's bin) did not happen, so the item went
/// past its gate to the end of the belt. Rare by design: the booking checked the gate would be free in time.
/// </summary>
public enum FireLoss
{
    /// <summary>It could not start before its item passed the paddle: the gate driver or the CPU ran late.</summary>
    Late,

    /// <summary>The interlock (e-stop) was active when it fell due.</summary>
    Paused,

    /// <summary>The gate driver threw.</summary>
    Fault,

    /// <summary>The station stopped before it fell due (see SortingLoop: a stop first serves the fires in flight).</summary>
    Stopped,
}
