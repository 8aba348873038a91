using SortStation.Core.Options;
using SortStation.Kernel.Options;

namespace SortStation.Hardware.Pins;

/// <summary>The Raspberry Pi 40-pin header (Pi 2 B and later): BCM GPIO numbers and their physical pins.</summary>
public static class BoardPins
{
    public const int MaxGpio = 27;

    // BCM number → physical header pin, from the Raspberry Pi GPIO pinout documentation.
    private static readonly int[] Physical =
    [
        27, 28, 3, 5, 7, 29, 31, 26, 24, 21, // BCM 0–9
        19, 23, 32, 33, 8, 10, 36, 11, 12, 35, // BCM 10–19
        38, 40, 15, 16, 18, 22, 37, 13, // BCM 20–27
    ];

    public static bool IsGpio(int bcm) => bcm is >= 0 and <= MaxGpio;

    /// <summary>Physical header pin of a BCM GPIO.</summary>
    public static int HeaderPin(int bcm) => IsGpio(bcm) ? Physical[bcm] : throw new ArgumentOutOfRangeException(nameof(bcm), bcm, "not a header GPIO");

    /// <summary>Hardware PWM channel (pwmchip0) of a pin, or null when only software PWM can drive it.</summary>
    public static int? PwmChannel(int bcm) => bcm switch
    {
        12 or 18 => 0,
        13 or 19 => 1,
        _ => null,
    };

    /// <summary>Adds the standard error when <paramref name="pin"/> is not on the header.</summary>
    public static void Check(ConfigErrors errors, string key, int pin)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!IsGpio(pin))
        {
            errors.Add(key, pin, "is not a GPIO on the Raspberry Pi 40-pin header (BCM 0–27).", "use a BCM number between 2 and 27 (see hardware/README.md).");
        }
    }
}
