using SortStation.Core.Options;

namespace SortStation.Hardware.Options;

/// <summary>
/// Section <c>Trigger</c>: how items are noticed at the camera line. Jam and idle limits, which every trigger
/// shares, come from <see cref="TriggerWatchOptions"/> (checked by its own rules in every hardware mode).
/// </summary>
public sealed class TriggerOptions : TriggerWatchOptions
{
    public TriggerKind Kind { get; set; } = TriggerKind.PhotoEye;

    /// <summary>PhotoEye: BCM GPIO of the sensor's output.</summary>
    public int Pin { get; set; } = 16;

    /// <summary>PhotoEye: true when the output goes high while the beam is blocked (PNP); false for NPN.</summary>
    public bool ActiveHigh { get; set; }

    /// <summary>PhotoEye: enable the Pi's internal pull-up (NPN open-collector outputs need one).</summary>
    public bool PullUp { get; set; } = true;

    /// <summary>PhotoEye: edges within this time of the last accepted one are contact/edge bounce.</summary>
    public int DebounceMilliseconds { get; set; } = 20;

    /// <summary>ScaleLoad: an item is on the scale when the net load rises above this.</summary>
    public double LoadThresholdGrams { get; set; } = 10;

    /// <summary>Motion: region of interest as fractions of the frame (left, top, width, height).</summary>
    public double RoiLeft { get; set; } = 0.25;

    public double RoiTop { get; set; } = 0.25;

    public double RoiWidth { get; set; } = 0.5;

    public double RoiHeight { get; set; } = 0.5;

    /// <summary>Motion: mean absolute grey-level change (0–255) inside the ROI that means an item.</summary>
    public double MotionThreshold { get; set; } = 12;

    /// <summary>ScaleLoad and Motion: the signal must fall back for this long before the next item counts.</summary>
    public int RearmMilliseconds { get; set; } = 150;

    /// <summary>
    /// Every trigger: a new item counts only this long after the previous one (closer items pass as one). Every gate's
    /// pulse + release must be shorter, so a gate can divert two items in a row; it also caps the items per second.
    /// </summary>
    public int MinSpacingMilliseconds { get; set; } = 150;

    /// <summary>The shortest time between two items this trigger reports (its lockout, debounce or re-arm, whichever is longest).</summary>
    public TimeSpan MinSpacing => TimeSpan.FromMilliseconds(Math.Max(MinSpacingMilliseconds, Kind == TriggerKind.PhotoEye ? DebounceMilliseconds : RearmMilliseconds));
}
