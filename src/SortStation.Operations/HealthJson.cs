using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SortStation.Operations;

/// <summary>The /healthz body: {"status":"healthy","checks":{"camera":{"healthy":true,"detail":"Online"},...}}.</summary>
internal static class HealthJson
{
    public static string Write(HealthReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("status", report.Status == HealthStatus.Healthy ? "healthy" : "unhealthy");
            json.WriteStartObject("checks");
            foreach (var (name, entry) in report.Entries)
            {
                json.WriteStartObject(name);
                json.WriteBoolean("healthy", entry.Status == HealthStatus.Healthy);
                // A check that threw has no description of its own: its exception says what went wrong.
                json.WriteString("detail", entry.Description ?? entry.Exception?.Message ?? entry.Status.ToString());
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
