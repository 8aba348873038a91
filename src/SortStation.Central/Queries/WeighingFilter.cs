namespace SortStation.Central.Queries;

/// <summary>
/// Which weighings a list, page or CSV export holds; every set field narrows it. <see cref="From"/> is
/// inclusive, <see cref="To"/> exclusive; <see cref="ItemIdPrefix"/> is already normalised (see <see cref="ItemIdSearch"/>).
/// </summary>
public sealed record WeighingFilter
{
    public static WeighingFilter All { get; } = new();

    public string? Station { get; init; }

    public string? Label { get; init; }

    public string? Bin { get; init; }

    public string? Reason { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public double? MinConfidence { get; init; }

    public double? MaxConfidence { get; init; }

    public string? ItemIdPrefix { get; init; }
}
