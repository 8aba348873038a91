namespace SortStation.Central.Options;

/// <summary>What one clustered row is: an item type's fleet total, or one station's total of an item type.</summary>
public enum GroupBy
{
    Label,
    StationLabel,
}
