using Microsoft.AspNetCore.Http;
using SortStation.Central.Queries;
using SortStation.Central.Web.Options;

namespace SortStation.Central.Web.Api;

/// <summary>
/// The dashboard's period: <c>period=today</c> (default), <c>7d</c> or <c>30d</c> (that many local days up to
/// now, today included), or <c>from</c>/<c>to</c> (dates or instants, as for the weighings list).
/// </summary>
public sealed record Period(string Name, DateTimeOffset From, DateTimeOffset To)
{
    public static IReadOnlyList<string> Names { get; } = ["today", "7d", "30d", "custom"];

    /// <param name="defaultPeriod">The period without <c>period</c>, <c>from</c> or <c>to</c>: <c>today</c> for the API, the dashboard's preference on the page.</param>
    public static Period Parse(IQueryCollection query, ConsoleClock clock, QueryErrors errors, string defaultPeriod = "today")
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(clock);
        var name = query["period"].ToString().Trim();
        var from = QueryValues.Instant(query, "from", endOfDay: false, clock, errors);
        var to = QueryValues.Instant(query, "to", endOfDay: true, clock, errors);
        if (name is "")
        {
            name = from is not null || to is not null ? "custom" : defaultPeriod;
        }

        var now = clock.Now;
        Period UpToNow(string period, DateTimeOffset start) => new(period, start, now > start ? now : start.AddMilliseconds(1));
        var period = name switch
        {
            "" or "today" => UpToNow("today", clock.StartOf(clock.Today)),
            "7d" => UpToNow(name, clock.StartOf(clock.Today.AddDays(-6))),
            "30d" => UpToNow(name, clock.StartOf(clock.Today.AddDays(-29))),
            "custom" => new Period(name, from ?? clock.StartOf(clock.Today), to ?? now),
            _ => null,
        };
        if (period is null)
        {
            errors.Add("period", "today, 7d, 30d or custom (with from and to)");
            return new Period("today", clock.StartOf(clock.Today), now);
        }

        if (period.To <= period.From || period.To - period.From > SummaryQueries.MaxPeriod)
        {
            errors.Add("to", "after from, and at most 400 days later");
        }

        return period;
    }
}
