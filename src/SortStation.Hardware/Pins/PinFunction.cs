namespace SortStation.Hardware.Pins;

/// <summary>One GPIO claimed by one function, with the configuration key that sets it.</summary>
public sealed record PinFunction(int Bcm, string Function, string Direction, string Key, string Detail)
{
    public bool IsGate => Function.StartsWith("gate ", StringComparison.Ordinal);
}
