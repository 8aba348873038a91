namespace SortStation.Central.Live;

/// <summary>
/// Something the console shows changed: <see cref="Kinds.Weighings"/> (a batch was stored) or
/// <see cref="Kinds.Station"/> (a station's status or health arrived). Carries no record: the console reads
/// the database again, so what it shows is always what is stored.
/// </summary>
public sealed record FleetEvent(string Kind, IReadOnlyList<string> Stations, int Count, DateTimeOffset At)
{
    public static class Kinds
    {
        public const string Weighings = "weighings";
        public const string Station = "station";
    }
}
