using System.Globalization;
using Microsoft.AspNetCore.Http;
using SortStation.Central.Web.Options;

namespace SortStation.Central.Web.Api;

/// <summary>Reads the console's query parameters the same way for the pages and the API.</summary>
internal static class QueryValues
{
    public static string? Text(IQueryCollection query, string name, QueryErrors errors, int max = 64)
    {
        var value = query[name].ToString().Trim();
        if (value.Length > max)
        {
            errors.Add(name, $"at most {max} characters");
            return null;
        }

        return value.Length == 0 ? null : value;
    }

    public static double? Fraction(IQueryCollection query, string name, QueryErrors errors)
    {
        var text = query[name].ToString().Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1)
        {
            return value;
        }

        errors.Add(name, "a number from 0 to 1, e.g. 0.6");
        return null;
    }

    public static int Integer(IQueryCollection query, string name, int fallback, int min, int max, QueryErrors errors)
    {
        var text = query[name].ToString().Trim();
        if (text.Length == 0)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add(name, $"a whole number from {min} to {max}");
        return fallback;
    }

    /// <summary>
    /// A date (<c>2026-11-01</c>: that local day's start, or with <paramref name="endOfDay"/> the next day's start, so
    /// a "to" date includes its day) or an instant (<c>2026-11-01T08:00:00+07:00</c>, <c>…Z</c>; without an offset: local time).
    /// </summary>
    public static DateTimeOffset? Instant(IQueryCollection query, string name, bool endOfDay, ConsoleClock clock, QueryErrors errors)
    {
        var text = query[name].ToString().Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return clock.StartOf(endOfDay ? day.AddDays(1) : day);
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant))
        {
            return instant.Kind == DateTimeKind.Unspecified
                ? new DateTimeOffset(instant, clock.Zone.GetUtcOffset(instant))
                : new DateTimeOffset(instant.ToUniversalTime(), TimeSpan.Zero);
        }

        errors.Add(name, "a date (2026-11-01) or a time with its offset (2026-11-01T08:00:00+07:00)");
        return null;
    }
}
