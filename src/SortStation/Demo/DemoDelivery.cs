namespace SortStation.Demo;

/// <summary>What reached the broker (PUBACK) and what the subscriber saw.</summary>
public sealed record DemoDelivery(long Published, int Received, long Duplicates);
