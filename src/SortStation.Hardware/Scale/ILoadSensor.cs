using SortStation.Core.Units;

namespace SortStation.Hardware.Scale;

/// <summary>A quick, unsettled net load for triggering (one sample, no stability wait).</summary>
public interface ILoadSensor
{
    ValueTask<Mass> SampleNetAsync(CancellationToken ct = default);
}
