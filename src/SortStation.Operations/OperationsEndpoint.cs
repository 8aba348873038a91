using System.Net;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SortStation.Operations;

/// <summary>
/// GET /healthz (JSON; 200 healthy, 503 not) and GET /metrics (Prometheus text) on 127.0.0.1 only:
/// a scraper or a technician on the box reads them, nothing on the plant network can. Off unless Health:Enabled.
/// </summary>
public sealed class OperationsEndpoint(
    IOptions<HealthOptions> options,
    HealthCheckService health,
    PrometheusMeterExporter metrics,
    ILogger<OperationsEndpoint> log) : BackgroundService
{
    private readonly HttpListener _listener = new();

    /// <summary>Base address when listening, e.g. http://127.0.0.1:9464/; null when disabled.</summary>
    public Uri? Address { get; private set; }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.Enabled)
        {
            // Started here, not in ExecuteAsync, so a taken port fails the start instead of being missed.
            var prefix = $"http://127.0.0.1:{o.Port}/";
            _listener.Prefixes.Add(prefix);
            _listener.Start();
            Address = new Uri(prefix);
            log.LogInformation("Health and metrics on {Address}healthz and {Address}metrics", prefix, prefix);
        }

        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _listener.Close();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Address is null)
        {
            return;
        }

        using var stop = stoppingToken.Register(_listener.Stop);
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().WaitAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            await RespondAsync(context, stoppingToken);
        }
    }

    private async Task RespondAsync(HttpListenerContext context, CancellationToken ct)
    {
        var response = context.Response;
        try
        {
            var (status, type, bytes) = context.Request.Url?.AbsolutePath switch
            {
                "/healthz" => await HealthzAsync(ct),
                "/metrics" => (200, PrometheusMeterExporter.ContentType, await MetricsAsync(ct)),
                _ => (404, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes("not found: try /healthz or /metrics\n")),
            };
            response.StatusCode = status;
            response.ContentType = type;
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes, ct);
        }
#pragma warning disable CA1031 // A failing source or a client that hung up must not stop the endpoint.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            log.LogWarning(ex, "Health/metrics request {Path} failed", context.Request.Url?.AbsolutePath);
            TrySet500(response);
        }
        finally
        {
            response.Close();
        }
    }

    private async Task<(int Status, string Type, byte[] Body)> HealthzAsync(CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(ct);
        return (report.Status == HealthStatus.Healthy ? 200 : 503, "application/json; charset=utf-8", Encoding.UTF8.GetBytes(HealthJson.Write(report)));
    }

    private async Task<byte[]> MetricsAsync(CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await metrics.WriteAsync(buffer, ct);
        return buffer.ToArray();
    }

    private static void TrySet500(HttpListenerResponse response)
    {
        try
        {
            response.StatusCode = 500;
        }
        catch (InvalidOperationException)
        {
            // Headers already sent; closing the response is all that is left.
        }
    }
}
