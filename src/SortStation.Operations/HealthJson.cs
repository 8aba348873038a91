using System.Text;
using System.Text.Json;

namespace SortStation.Operations;

/// <summary>The /healthz body: {"status":"healthy","checks":{"camera":{"healthy":true,"detail":"Online"},...}}.</summary>
internal static class HealthJson
{
    public static string Write(bool healthy, IReadOnlyList<HealthCheckResult> checks)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("status", healthy ? "healthy" : "unhealthy");
            json.WriteStartObject("checks");
            foreach (var check in checks)
            {
                json.WriteStartObject(check.Name);
                json.WriteBoolean("healthy", check.Healthy);
                json.WriteString("detail", check.Detail);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
