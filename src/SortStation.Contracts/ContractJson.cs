using System.Text.Json;
using System.Text.Json.Serialization;

namespace SortStation.Contracts;

/// <summary>The one JSON shape of the contracts: camelCase, nulls written, UTF-8.</summary>
public static class ContractJson
{
    public static JsonSerializerOptions Options { get; } = ContractsJsonContext.Default.Options;

    public static byte[] Serialize(WeighingRecord record) =>
        JsonSerializer.SerializeToUtf8Bytes(record, ContractsJsonContext.Default.WeighingRecord);

    public static WeighingRecord? DeserializeWeighing(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, ContractsJsonContext.Default.WeighingRecord);
}
