using SortStation.Clustering;

namespace SortStation.Central.Web.Api;

/// <summary><c>/api/clusters</c>: the latest run (result null: fewer item-type groups than clustering needs).</summary>
public sealed record ClustersView(DateTimeOffset At, string Trigger, int Groups, AnalysisResult? Result);

/// <summary>Body of <c>POST /api/clusters/predict</c>: an item type's total weight (kg) and mean unit price.</summary>
public sealed record PredictRequest(double? WeightKg, double? UnitPrice);

/// <summary>The nearest cluster and its plain-language name.</summary>
public sealed record PredictResponse(int ClusterId, string Label, double WeightKg, double UnitPrice, DateTimeOffset AnalysisAt);
