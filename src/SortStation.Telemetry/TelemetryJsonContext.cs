using System.Text.Json.Serialization;

namespace SortStation.Telemetry;

/// <summary>Same shape rules as the contracts (camelCase, nulls written); enums as their names.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(StationHealth))]
[JsonSerializable(typeof(AlarmMessage))]
internal sealed partial class TelemetryJsonContext : JsonSerializerContext;
