using SortStation.Core.Units;

namespace SortStation.Core.Devices;

/// <summary>The load cell under the belt.</summary>
public interface IScale
{
    DeviceState State { get; }

    /// <summary>Net weight of what is on the scale. Throws <see cref="DeviceFaultException"/> on overload or timeout.</summary>
    ValueTask<Mass> ReadAsync(CancellationToken ct = default);
}
