using SortStation.Contracts;
using SortStation.Core.Routing;

namespace SortStation.Core.Pipeline;

/// <summary>What happened to one item, with the time the station spent on it (trigger to outbox).</summary>
public sealed record SortOutcome(WeighingRecord Record, RoutingDecision Decision, TimeSpan Latency, TimeSpan? InferenceTime);
