using Microsoft.Extensions.Options;
using SortStation.Core.Devices;
using SortStation.Core.Units;

namespace SortStation.Simulation;

/// <summary>
/// The scale of the simulated belt: the current item's weight (with its simulated spread), less the tare.
/// It also answers in raw counts like an HX711 (a fixed zero offset plus load × the simulated load cell's
/// sensitivity), so tare and calibration can be practised without hardware.
/// </summary>
public sealed class SimulatedScale : ICalibratableScale
{
    private readonly SimulatedConveyor _conveyor;
    private readonly double _trueCountsPerKg;
    private readonly double _offsetCounts;
    private Mass _tare;

    public SimulatedScale(SimulatedConveyor conveyor, IOptions<SimulationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _conveyor = conveyor;
        _trueCountsPerKg = options.Value.ScaleCountsPerKilogram;
        _offsetCounts = options.Value.ScaleZeroCounts;
        CountsPerKilogram = _trueCountsPerKg;
        ZeroCounts = _offsetCounts;
    }

    public DeviceState State => DeviceState.Online;

    public double ZeroCounts { get; private set; }

    public double CountsPerKilogram { get; private set; }

    /// <summary>A load a technician "placed" on the empty scale (tare, calibration); null when empty.</summary>
    public Mass? PlacedLoad { get; set; }

    public ValueTask<Mass> ReadAsync(CancellationToken ct = default) =>
        ValueTask.FromResult(Load() - _tare);

    public ValueTask<double> ReadCountsAsync(int samples, CancellationToken ct = default) =>
        ValueTask.FromResult(_offsetCounts + (Load().Kilograms * _trueCountsPerKg));

    public ValueTask<double> TareAsync(int samples, CancellationToken ct = default)
    {
        _tare = Load();
        ZeroCounts = _offsetCounts + (_tare.Kilograms * _trueCountsPerKg);
        return ValueTask.FromResult(ZeroCounts);
    }

    public void Calibrate(double countsPerKilogram) => CountsPerKilogram = countsPerKilogram;

    private Mass Load() => PlacedLoad ?? _conveyor.Current?.Weight ?? Mass.Zero;
}
