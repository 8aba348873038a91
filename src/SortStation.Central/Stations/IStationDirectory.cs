namespace SortStation.Central.Stations;

/// <summary>Looks a station up by id (the MQTT user name it publishes as); null when it was never registered.</summary>
public interface IStationDirectory
{
    RegisteredStation? Find(string stationId);
}
