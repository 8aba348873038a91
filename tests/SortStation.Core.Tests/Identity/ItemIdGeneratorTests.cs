using Microsoft.Extensions.Time.Testing;
using SortStation.Core.Identity;

namespace SortStation.Core.Tests.Identity;

public sealed class ItemIdGeneratorTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Next_Always_Is26CrockfordBase32Characters()
    {
        var id = new ItemIdGenerator(_time).Next();

        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{26}$", id);
    }

    [Fact]
    public void Next_SameMillisecond_StrictlyIncreasing()
    {
        var ids = new ItemIdGenerator(_time);
        var batch = Enumerable.Range(0, 1000).Select(_ => ids.Next()).ToArray();

        Assert.Equal(batch.Order(StringComparer.Ordinal), batch);
        Assert.Equal(batch.Length, batch.Distinct().Count());
    }

    [Fact]
    public void Next_LaterMillisecond_SortsAfterEarlier()
    {
        var ids = new ItemIdGenerator(_time);
        var first = ids.Next();
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(string.CompareOrdinal(ids.Next(), first) > 0);
    }

    [Fact]
    public void Next_KnownTime_EncodesTimestampInFirstTenCharacters()
    {
        // 2026-11-25T08:00:00Z = 1795593600000 ms; ULID time part is 10 base32 digits.
        var id = new ItemIdGenerator(_time).Next();

        Assert.Equal(1795593600000L, DecodeTime(id[..10]));
    }

    private static long DecodeTime(string digits) =>
        digits.Aggregate(0L, (acc, c) => (acc * 32) + "0123456789ABCDEFGHJKMNPQRSTVWXYZ".IndexOf(c, StringComparison.Ordinal));
}
