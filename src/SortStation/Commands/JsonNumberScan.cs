namespace SortStation.Commands;

/// <summary>Byte offsets <see cref="JsonNumberEdit"/> found in a configuration text.</summary>
internal sealed class JsonNumberScan
{
    public int RootOpen { get; set; } = -1;

    public int? RootFirstMember { get; set; }

    public int? SectionOpen { get; set; }

    public int? SectionFirstMember { get; set; }

    /// <summary>The section's scalar values: key as written, offset and length of the value token.</summary>
    public List<(string Key, int At, int Length)> Values { get; } = [];
}
