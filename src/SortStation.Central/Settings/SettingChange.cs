namespace SortStation.Central.Settings;

/// <summary>
/// One row of the <c>settings</c> table: <paramref name="Name"/> of <paramref name="Section"/> set to
/// <paramref name="Value"/> by <paramref name="ChangedBy"/>. <paramref name="Previous"/> is the value it replaced
/// (null for the first change), read from the row before it.
/// </summary>
public sealed record SettingChange(long Seq, string Section, string Name, string Value, string? Previous, DateTimeOffset ChangedAt, string ChangedBy);
