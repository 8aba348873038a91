namespace SortStation.Hardware.Gates;

/// <summary>
/// Hobby servo timing: a 50 Hz frame whose pulse width sets the horn angle, 1.0 ms at 0° to 2.0 ms at 180°
/// (the common standard; many servos travel further with 0.5–2.5 ms, which we do not rely on).
/// </summary>
public static class ServoAngle
{
    public const int FrequencyHertz = 50;
    public static readonly TimeSpan MinPulse = TimeSpan.FromMilliseconds(1.0);
    public static readonly TimeSpan MaxPulse = TimeSpan.FromMilliseconds(2.0);

    public static TimeSpan PulseWidth(double degrees)
    {
        var clamped = Math.Clamp(degrees, 0, 180);
        return MinPulse + ((MaxPulse - MinPulse) * (clamped / 180.0));
    }

    /// <summary>PWM duty cycle (0–1) for an angle at <see cref="FrequencyHertz"/>.</summary>
    public static double DutyCycle(double degrees) => PulseWidth(degrees).TotalSeconds * FrequencyHertz;
}
