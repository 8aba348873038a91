namespace SortStation.Kernel.Options;

/// <summary>What <see cref="ConfigSchema.Lookup"/> found for a key.</summary>
/// <param name="Known">Some section reads the key.</param>
/// <param name="Live">Known and applied without a restart.</param>
/// <param name="UnknownAt">Unknown: index of the first path segment no section knows (0 = the section).</param>
/// <param name="Candidates">Unknown: the keys that are known at that level.</param>
/// <param name="UnderValue">Unknown because its parent is a single value, not a section.</param>
public sealed record ConfigKeyLookup(bool Known, bool Live, int UnknownAt, IReadOnlyList<string> Candidates, bool UnderValue)
{
    public static ConfigKeyLookup Found(bool live) => new(true, live, -1, [], false);

    public static ConfigKeyLookup Unknown(int at, IReadOnlyList<string> candidates, bool underValue = false) => new(false, false, at, candidates, underValue);
}
