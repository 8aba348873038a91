namespace SortStation.Central.Web;

/// <summary>Anchor of Resources/SharedResource.resx (English) and SharedResource.id.resx (Bahasa Indonesia).</summary>
#pragma warning disable CA1812 // Only used as the type argument of IStringLocalizer<T>.
public sealed class SharedResource;
#pragma warning restore CA1812
