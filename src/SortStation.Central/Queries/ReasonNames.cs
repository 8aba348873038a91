namespace SortStation.Central.Queries;

/// <summary>The station's routing reasons on the wire; every reason but <see cref="Routed"/> sent the item to the reject bin.</summary>
public static class ReasonNames
{
    public const string Routed = "routed";
}
