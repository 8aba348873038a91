using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using SortStation.Central.Live;

namespace SortStation.Central.Web.Api;

/// <summary>
/// <c>GET /api/events</c>: Server-Sent Events, one per stored batch (<c>weighings</c>) or station message
/// (<c>station</c>), with a comment every 15 s so proxies keep the connection. Pages re-read what changed.
/// </summary>
internal static class EventsEndpoint
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/events", async (HttpContext context, FleetEvents events, IHostApplicationLifetime lifetime) =>
        {
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers["X-Accel-Buffering"] = "no"; // nginx: pass each event on at once
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            using var subscription = events.Subscribe();
            var body = context.Response.Body;
            await body.WriteAsync("retry: 5000\n\n"u8.ToArray(), stop.Token);
            await body.FlushAsync(stop.Token);
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                    wait.CancelAfter(KeepAlive);
                    string text;
                    try
                    {
                        var e = await subscription.Reader.ReadAsync(wait.Token);
                        text = $"event: {e.Kind}\ndata: {JsonSerializer.Serialize(new { stations = e.Stations, count = e.Count, at = e.At })}\n\n";
                    }
                    catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                    {
                        text = ": keep-alive\n\n";
                    }

                    await body.WriteAsync(Encoding.UTF8.GetBytes(text), stop.Token);
                    await body.FlushAsync(stop.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // The page went away or central is stopping.
            }
        });
}
