namespace SortStation.Hardware.Options;

/// <summary>Section <c>EStop</c>: the e-stop / guard interlock input.</summary>
public sealed class EStopOptions
{
    public const string Section = "EStop";

    /// <summary>False only on a bench without an e-stop loop; a plant station must have one.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>BCM GPIO read through the e-stop's normally-closed loop.</summary>
    public int Pin { get; set; } = 26;

    /// <summary>True when a high input means stop: NC loop to GND with the pull-up, so a broken wire also stops.</summary>
    public bool ActiveHigh { get; set; } = true;

    public bool PullUp { get; set; } = true;

    /// <summary>The input must be clear this long before sorting resumes (tripping is immediate).</summary>
    public int ReleaseMilliseconds { get; set; } = 500;
}
