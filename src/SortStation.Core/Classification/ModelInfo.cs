namespace SortStation.Core.Classification;

/// <summary>What a classifier can say: its identity and its labels in output order.</summary>
public sealed record ModelInfo(string Name, string Version, IReadOnlyList<string> Labels)
{
    /// <summary>Name and version as carried in every weighing record.</summary>
    public string Id => $"{Name}@{Version}";
}
