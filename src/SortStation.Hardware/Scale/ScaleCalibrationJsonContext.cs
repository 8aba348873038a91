using System.Text.Json;
using System.Text.Json.Serialization;

namespace SortStation.Hardware.Scale;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(ScaleCalibrationRecord))]
internal sealed partial class ScaleCalibrationJsonContext : JsonSerializerContext;
