namespace SortStation.Contracts;

/// <summary>Payloads of the retained status topic.</summary>
public static class StationStatus
{
    public const string Online = "online";
    public const string Offline = "offline";
}
