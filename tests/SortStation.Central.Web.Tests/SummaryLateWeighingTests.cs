using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SortStation.Central.Ingest;
using SortStation.Central.Queries;
using SortStation.Central.Web.Tests.Support;

namespace SortStation.Central.Web.Tests;

/// <summary>A weighing stored for a past day (a station catching up) is in the summary at once (nothing is cached).</summary>
public sealed class SummaryLateWeighingTests
{
    [Fact]
    public async Task Summary_WeighingForAPastDayStored_CountedAtOnce()
    {
        using var console = await EmptyConsole.WithUsersAsync();
        var now = DateTimeOffset.UtcNow;
        await console.Database.SeedAsync(SeededWeighings.Create(300, 2, now.AddDays(-6), now.AddDays(-2)));
        using var client = await console.SignedInAsync("viewer");
        var before = (await client.GetFromJsonAsync<FleetSummary>("/api/summary?period=7d", JsonSerializerOptions.Web))!;
        var again = (await client.GetFromJsonAsync<FleetSummary>("/api/summary?period=7d", JsonSerializerOptions.Web))!;

        var late = SeededWeighings.Create(1, 1, now.AddDays(-3), now.AddDays(-3).AddMinutes(1), seed: 9).Single();
        var stored = await console.Factory.Services.GetRequiredService<IngestPipeline>().ProcessAsync(
            [new IncomingMessage(Contracts.Topics.Weighing("sortstation", late.StationId), Contracts.ContractJson.Serialize(late))], default);
        var after = (await client.GetFromJsonAsync<FleetSummary>("/api/summary?period=7d", JsonSerializerOptions.Web))!;

        Assert.Equal(300, before.Totals.Items);
        Assert.Equal(before.Totals.Items, again.Totals.Items);
        Assert.Equal(1, stored.Inserted);
        Assert.Equal(301, after.Totals.Items);
        Assert.Equal(301, after.Hourly.Sum(h => h.Items));
    }
}
