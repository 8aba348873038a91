using SortStation.Core.Devices;

namespace SortStation.Telemetry;

/// <summary>Device states in the health message; null when the host has no such device (bench, tests).</summary>
public sealed record DevicesHealth(DeviceState? Camera, DeviceState? Scale, IReadOnlyDictionary<string, DeviceState> Gates);
