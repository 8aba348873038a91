namespace SortStation.Hardware.Options;

/// <summary>HX711 input and gain (Avia Semiconductor HX711 datasheet, table 3: 25/26/27 clock pulses).</summary>
public enum ScaleGain
{
    /// <summary>Channel A, gain 128 (±20 mV full scale at 5 V): the usual load-cell wiring.</summary>
    A128,

    /// <summary>Channel A, gain 64 (±40 mV).</summary>
    A64,

    /// <summary>Channel B, gain 32 (±80 mV).</summary>
    B32,
}
