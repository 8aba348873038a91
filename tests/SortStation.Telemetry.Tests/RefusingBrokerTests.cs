using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using SortStation.Core.Pipeline;
using SortStation.Hosting;
using SortStation.Telemetry.Tests.Support;

namespace SortStation.Telemetry.Tests;

/// <summary>The whole station host against a broker that is not there or talks nonsense: sorting goes on, the outbox grows, health says so.</summary>
public sealed class RefusingBrokerTests : IDisposable
{
    private const int Items = 8;
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_NothingListening_KeepsSortingAndHealthShowsBacklog()
    {
        await AssertKeepsSortingAsync(new Uri($"mqtt://127.0.0.1:{FreePort.Next()}"));
    }

    [Fact]
    public async Task Run_BrokerSendsGarbage_KeepsSortingAndHealthShowsBacklog()
    {
        using var garbage = new TcpListener(IPAddress.Loopback, 0);
        garbage.Start();
        using var stop = new CancellationTokenSource();
        var server = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await garbage.AcceptTcpClientAsync(stop.Token);
                await client.GetStream().WriteAsync("HTTP/1.1 400 Bad Request\r\n\r\n\xff\xfe garbage"u8.ToArray(), stop.Token);
            }
        });

        await AssertKeepsSortingAsync(new Uri($"mqtt://127.0.0.1:{((IPEndPoint)garbage.LocalEndpoint).Port}"));
        await stop.CancelAsync();
        await server.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task AssertKeepsSortingAsync(Uri broker)
    {
        using var host = StationHostBuilder.Build(null, new Dictionary<string, string?>
        {
            ["Station:Id"] = "refused",
            ["Model:Path"] = StationProcess.ModelPath(),
            ["Simulation:Items"] = Items.ToString(),
            ["Simulation:ItemIntervalMilliseconds"] = "20",
            ["Outbox:Path"] = _dir.File("outbox.db"),
            ["Mqtt:Broker"] = broker.ToString(),
            ["Mqtt:ReconnectMinSeconds"] = "0.2",
            ["Mqtt:ReconnectMaxSeconds"] = "0.5",
            ["Mqtt:HealthIntervalSeconds"] = "1",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        });
        await host.StartAsync();

        await host.Services.GetRequiredService<SortingRun>().Completed.WaitAsync(TimeSpan.FromSeconds(90));
        var publisher = host.Services.GetRequiredService<MqttPublisher>();
        Assert.True(await Eventually.TrueAsync(() => publisher.Failures >= 2, TimeSpan.FromSeconds(20)));
        var health = await host.Services.GetRequiredService<HealthPublisher>().SnapshotAsync(default);
        await host.StopAsync();

        Assert.Equal(Items, host.Services.GetRequiredService<SortingStatistics>().Snapshot().Items);
        Assert.Equal(Items, health.Outbox.Pending);
        Assert.False(health.Mqtt.Connected);
        Assert.True(health.Mqtt.PublishFailures >= 2);
        Assert.Equal(0, health.Mqtt.Published);
        Assert.NotNull(health.Mqtt.LastError);
        Assert.NotNull(health.Model);
        Assert.NotNull(health.Devices.Camera);
    }
}
