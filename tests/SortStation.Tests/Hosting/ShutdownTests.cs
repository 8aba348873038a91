namespace SortStation.Tests.Hosting;

/// <summary>What the real station host says and does when systemd stops it (SIGTERM: IHost.StopAsync).</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task StopAsync_SortingStation_LogsPendingFiresCancelledAndGatesSafe()
    {
        await using var station = await RunningStation.StartAsync(StationConfig.With());
        Assert.True(await RunningStation.EventuallyAsync(() => station.Records.Count >= 3, TimeSpan.FromSeconds(60)));

        await station.Host.StopAsync();

        // Items still on the belt had records naming their bins: their fires are served first, none is left.
        var log = station.ReadLog();
        Assert.Matches(@"stopping: 0 pending fires cancelled, gates safe \(\d+ of \d+ fires in flight served first", log);
    }
}
