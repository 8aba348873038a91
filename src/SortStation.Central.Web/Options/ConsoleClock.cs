using Microsoft.Extensions.Options;

namespace SortStation.Central.Web.Options;

/// <summary>The console's time zone (Web:TimeZone): what "today" is, and how times are shown.</summary>
public sealed class ConsoleClock(IOptions<WebOptions> options, TimeProvider time)
{
    public TimeZoneInfo Zone { get; } = string.IsNullOrWhiteSpace(options.Value.TimeZone) ? TimeZoneInfo.Local : TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTimeOffset Now => time.GetUtcNow();

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>Local midnight starting <paramref name="day"/>, as an instant.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    public DateOnly Today => DateOnly.FromDateTime(ToLocal(Now).DateTime);

    public string Show(DateTimeOffset instant) => ToLocal(instant).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    public string ShowDate(DateTimeOffset instant) => ToLocal(instant).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
