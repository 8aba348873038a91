using System.Globalization;
using System.Text.Json;
using SortStation.Central.Ingest;

namespace SortStation.Central.Live;

/// <summary>
/// Reads a station's health message tolerantly (a newer station may add fields) with System.Text.Json's
/// document model: the health record type lives in the station's Telemetry project, which central does not
/// reference. Anything from the station that is shown is escaped and bounded.
/// </summary>
internal static class HealthPayload
{
    public const string Schema = "sortstation.health/1";

    public static StationHealthView? Parse(ReadOnlySpan<byte> payload, int maxText)
    {
        try
        {
            var reader = new Utf8JsonReader(payload, new JsonReaderOptions { MaxDepth = 8 });
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "schema", maxText) != Schema
                || !root.TryGetProperty("timestamp", out var ts) || !ts.TryGetDateTimeOffset(out var timestamp))
            {
                return null;
            }

            var outbox = Object(root, "outbox");
            var mqtt = Object(root, "mqtt");
            return new StationHealthView(
                timestamp,
                Number(root, "uptimeSeconds") ?? 0,
                Text(root, "model", maxText),
                (long?)Number(outbox, "pending"),
                (long?)Number(outbox, "dropped"),
                mqtt is { } m && m.TryGetProperty("connected", out var c) && c.ValueKind is JsonValueKind.True or JsonValueKind.False ? c.GetBoolean() : null,
                Text(root, "state", maxText),
                Alarms(root, maxText),
                Devices(Object(root, "devices"), maxText));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement? Object(JsonElement? parent, string name) =>
        parent is { } p && p.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static double? Number(JsonElement? parent, string name) =>
        parent is { } p && p.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && double.IsFinite(d) ? d : null;

    private static string? Text(JsonElement? parent, string name, int maxText) =>
        parent is { } p && p.TryGetProperty(name, out var value) ? Shown(value, maxText) : null;

    private static string? Shown(JsonElement value, int maxText) => value.ValueKind switch
    {
        JsonValueKind.String => Bound(PrintableText.Escape(value.GetString()), maxText),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => value.GetBoolean().ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static List<string> Alarms(JsonElement root, int maxText) =>
        root.TryGetProperty("alarms", out var alarms) && alarms.ValueKind == JsonValueKind.Array
            ? [.. alarms.EnumerateArray().Take(20).Select(a => a.ValueKind == JsonValueKind.Object ? Text(a, "code", maxText) : Shown(a, maxText)).OfType<string>()]
            : [];

    private static Dictionary<string, string> Devices(JsonElement? devices, int maxText)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (devices is not { } d)
        {
            return result;
        }

        foreach (var device in d.EnumerateObject().Take(20))
        {
            if (device.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var gate in device.Value.EnumerateObject().Take(20))
                {
                    Add(result, $"{device.Name}.{gate.Name}", Shown(gate.Value, maxText), maxText);
                }
            }
            else
            {
                Add(result, device.Name, Shown(device.Value, maxText), maxText);
            }
        }

        return result;
    }

    private static void Add(Dictionary<string, string> result, string name, string? state, int maxText)
    {
        if (state is not null)
        {
            result[Bound(PrintableText.Escape(name), maxText)] = state;
        }
    }

    private static string Bound(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
