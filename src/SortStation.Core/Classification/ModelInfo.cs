namespace SortStation.Core.Classification;

/// <summary>What a classifier can say: its identity and its labels in output order.</summary>
public sealed record ModelInfo(string Name, string Version, IReadOnlyList<string> Labels)
{
    /// <summary>Name and version as carried in every weighing record.</summary>
    public string Id => $"{Name}@{Version}";

    /// <summary>First 12 hex digits of the SHA-256 of the model file: tells apart two models with the same <see cref="Id"/>.</summary>
    public string? ContentHash { get; init; }
}
