using System.Text.Json.Serialization;

namespace SortStation.Contracts;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(WeighingRecord))]
internal sealed partial class ContractsJsonContext : JsonSerializerContext;
