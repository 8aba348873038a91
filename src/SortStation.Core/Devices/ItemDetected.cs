namespace SortStation.Core.Devices;

/// <summary>An item seen at the camera line at <paramref name="At"/>. <paramref name="Sequence"/> counts from 1.</summary>
public sealed record ItemDetected(long Sequence, DateTimeOffset At);
