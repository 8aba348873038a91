namespace SortStation.Clustering.Bench;

/// <summary>One benchmark line; Ratio = scikit-learn seconds / SortStation seconds (> 1: we are faster).</summary>
internal sealed record ScenarioResult(
    string Scenario, double SortStationSeconds, double? SklearnSeconds, double SortStationCpuSeconds, double? SklearnCpuSeconds, string Detail)
{
    public double? Ratio => SklearnSeconds / SortStationSeconds;

    public double? CpuRatio => SklearnCpuSeconds / SortStationCpuSeconds;
}
