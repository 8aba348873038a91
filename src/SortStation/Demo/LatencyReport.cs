namespace SortStation.Demo;

/// <summary>Per-item latency figures in milliseconds.</summary>
public sealed record LatencyReport(double Mean, double P50, double P99);
