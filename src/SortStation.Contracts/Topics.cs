namespace SortStation.Contracts;

/// <summary>MQTT topic names shared by stations and the central service.</summary>
public static class Topics
{
    public static string Weighing(string prefix, string stationId) => $"{prefix}/{stationId}/weighing";

    /// <summary>Retained <c>online</c>/<c>offline</c>; <c>offline</c> is also the last will.</summary>
    public static string Status(string prefix, string stationId) => $"{prefix}/{stationId}/status";

    public static string Health(string prefix, string stationId) => $"{prefix}/{stationId}/health";

    /// <summary>Retained: the station's active alarms (soft stops and faults); an empty list once all cleared.</summary>
    public static string Alarm(string prefix, string stationId) => $"{prefix}/{stationId}/alarm";

    /// <summary>Subscription filter for every station's weighings.</summary>
    public static string AllWeighings(string prefix) => $"{prefix}/+/weighing";

    public static string CentralClusters(string prefix) => $"{prefix}/central/clusters";
}
