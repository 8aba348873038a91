namespace SortStation.Telemetry.Bench;

/// <summary>The figures written to the JSON results file.</summary>
internal sealed record BenchResult(
    string Machine,
    string Broker,
    int MaxInFlight,
    int Producers,
    double SustainedSeconds,
    double SustainedEnqueuedPerSecond,
    double SustainedPublishedPerSecond,
    long SustainedBacklogAtEnd,
    int Backlog,
    double BacklogFillSeconds,
    double BacklogDrainSeconds,
    double BacklogDrainPerSecond);
