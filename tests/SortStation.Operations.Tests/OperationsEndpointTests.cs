using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SortStation.Operations.Tests.Support;

namespace SortStation.Operations.Tests;

/// <summary>The endpoint over real HTTP on loopback.</summary>
public sealed class OperationsEndpointTests
{
    [Fact]
    public async Task Healthz_AllHealthy_200WithEveryCheck()
    {
        using var source = FixedHealthSource.Services(("camera", true, "Online"), ("broker", true, "connected"));
        await using var endpoint = await StartAsync(source);
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(endpoint.Address!, "healthz"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Online", json.RootElement.GetProperty("checks").GetProperty("camera").GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Healthz_OneUnhealthy_503NamingIt()
    {
        using var source = FixedHealthSource.Services(("camera", true, "Online"), ("broker", false, "disconnected"));
        await using var endpoint = await StartAsync(source);
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(endpoint.Address!, "healthz"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unhealthy", json.RootElement.GetProperty("status").GetString());
        Assert.False(json.RootElement.GetProperty("checks").GetProperty("broker").GetProperty("healthy").GetBoolean());
    }

    [Fact]
    public async Task Metrics_Get_PrometheusTextFromEverySource()
    {
        using var source = FixedHealthSource.Services();
        await using var endpoint = await StartAsync(source);
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(endpoint.Address!, "metrics"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("test_items_total{label=\"glass\"} 3", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownPath_404()
    {
        using var source = FixedHealthSource.Services();
        await using var endpoint = await StartAsync(source);
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(endpoint.Address!, "admin"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task StartAsync_Disabled_DoesNotListen()
    {
        var port = FreePort.Next();
        using var source = FixedHealthSource.Services();
        using var endpoint = Create(source, new HealthOptions { Enabled = false, Port = port });

        await endpoint.StartAsync(CancellationToken.None);
        using var http = new HttpClient();

        Assert.Null(endpoint.Address);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz")));
        await endpoint.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task StartAsync_Enabled_ListensOnLoopbackOnly()
    {
        using var source = FixedHealthSource.Services();
        await using var endpoint = await StartAsync(source);

        Assert.Equal("127.0.0.1", endpoint.Address!.Host);
    }

    private static OperationsEndpoint Create(IServiceProvider source, HealthOptions options) =>
        new(Options.Create(options), source.GetRequiredService<HealthCheckService>(), source.GetRequiredService<PrometheusMeterExporter>(), NullLogger<OperationsEndpoint>.Instance);

    private static async Task<RunningEndpoint> StartAsync(IServiceProvider source)
    {
        var endpoint = Create(source, new HealthOptions { Enabled = true, Port = FreePort.Next() });
        await endpoint.StartAsync(CancellationToken.None);
        return new RunningEndpoint(endpoint);
    }

    private sealed class RunningEndpoint(OperationsEndpoint endpoint) : IAsyncDisposable
    {
        public Uri? Address => endpoint.Address;

        public async ValueTask DisposeAsync()
        {
            await endpoint.StopAsync(CancellationToken.None);
            endpoint.Dispose();
        }
    }
}
