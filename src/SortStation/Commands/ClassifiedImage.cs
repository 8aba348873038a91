using SortStation.Contracts;

namespace SortStation.Commands;

/// <summary>One line of <c>sortstation classify</c>: a result, or the error for that file.</summary>
internal sealed record ClassifiedImage(string File, string? Label, double? Confidence, IReadOnlyList<LabelScore>? Top, double? InferenceMs, string? Error);
