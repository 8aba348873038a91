namespace SortStation.Contracts.Tests;

/// <summary>The topic names both ends build from a prefix and a station id.</summary>
public sealed class TopicsTests
{
    [Fact]
    public void Topics_PrefixAndStation_PrefixStationKind()
    {
        Assert.Equal("plant-a/station-01/weighing", Topics.Weighing("plant-a", "station-01"));
        Assert.Equal("plant-a/station-01/status", Topics.Status("plant-a", "station-01"));
        Assert.Equal("plant-a/station-01/health", Topics.Health("plant-a", "station-01"));
        Assert.Equal("plant-a/station-01/alarm", Topics.Alarm("plant-a", "station-01"));
        Assert.Equal("plant-a/central/clusters", Topics.CentralClusters("plant-a"));
    }

    [Fact]
    public void AllWeighings_Prefix_OneLevelWildcardWhereTheStationIdStands()
    {
        var filter = Topics.AllWeighings("plant-a").Split('/');
        var topic = Topics.Weighing("plant-a", "station-07").Split('/');

        Assert.Equal(topic.Length, filter.Length);
        Assert.All(filter.Zip(topic), p => Assert.True(p.First == "+" || p.First == p.Second, $"{p.First} does not match {p.Second}"));
        Assert.Equal("+", filter[1]);
    }
}
