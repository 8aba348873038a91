namespace SortStation.Central.Web.Settings;

/// <summary>A preference's value in force; <see cref="ChangedAt"/> and <see cref="ChangedBy"/> are null while it is the default.</summary>
public sealed record PreferenceValue(PreferenceDefinition Definition, string Value, DateTimeOffset? ChangedAt, string? ChangedBy);
