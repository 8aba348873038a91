namespace SortStation.Contracts;

/// <summary>Versions of the weighing contract. Bump the major part on any breaking change.</summary>
public static class WeighingSchema
{
    public const string Current = "sortstation.weighing/1";
}
