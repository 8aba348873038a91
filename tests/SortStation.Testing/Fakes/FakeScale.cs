using SortStation.Core.Devices;
using SortStation.Core.Units;

namespace SortStation.Testing;

/// <summary>A scale that reads what the test says (350 g unless told), or faults while the reading is null.</summary>
public sealed class FakeScale : IScale
{
    public Mass? Reading { get; set; } = Mass.FromGrams(350);

    public DeviceState State => DeviceState.Online;

    public ValueTask<Mass> ReadAsync(CancellationToken ct = default) => Reading is { } m
        ? ValueTask.FromResult(m)
        : throw new DeviceFaultException("HX711 read timeout");
}
