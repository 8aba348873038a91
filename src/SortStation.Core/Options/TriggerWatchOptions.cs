namespace SortStation.Core.Options;

/// <summary>
/// Section <c>Trigger</c>, the keys every trigger shares (the Raspberry drivers' <c>TriggerOptions</c> adds
/// the rest): when a blocked photo-eye is a jam, and when an empty belt is reported idle.
/// </summary>
public class TriggerWatchOptions
{
    public const string Section = "Trigger";

    /// <summary>PhotoEye (and the simulator): the beam blocked longer than this is a jam, a soft stop until it clears.</summary>
    public int JamSeconds { get; set; } = 5;

    /// <summary>No item for this long while the station could sort is reported as idle (not an error).</summary>
    public int IdleSeconds { get; set; } = 300;
}
