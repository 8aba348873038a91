namespace SortStation.Demo;

/// <summary>
/// What reached the broker (PUBACK) and what the subscriber saw on the station's own topic; <c>OtherStation</c>
/// counts payloads there that named another station (never counted as received).
/// </summary>
public sealed record DemoDelivery(long Published, int Received, long Duplicates, string Topic, long OtherStation);
