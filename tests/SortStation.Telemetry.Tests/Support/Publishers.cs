using Microsoft.Extensions.Logging.Abstractions;
using SortStation.Core.Options;
using SortStation.Outbox;

namespace SortStation.Telemetry.Tests.Support;

/// <summary>Builds the real outbox and publisher the way the host does, with test-friendly back-off.</summary>
public static class Publishers
{
    public static MqttOptions Options(Uri broker, string prefix) => new()
    {
        Broker = broker.ToString(),
        TopicPrefix = prefix,
        ClientId = $"station-{prefix}",
        ReconnectMinSeconds = 0.2,
        ReconnectMaxSeconds = 1,
        MaxInFlight = 64,
    };

    public static SqliteOutboxStore Outbox(string path, long maxRows = 1_000_000, long maxBytes = 0, OutboxFullPolicy whenFull = OutboxFullPolicy.RejectNewest) =>
        new(new OutboxOptions { Path = path, MaxRows = maxRows, MaxBytes = maxBytes, WhenFull = whenFull }, NullLogger<SqliteOutboxStore>.Instance);

    public static MqttPublisher Publisher(IOutboxStore outbox, MqttOptions mqtt, Microsoft.Extensions.Logging.ILogger<MqttPublisher>? log = null, string stationId = "test-station") =>
        new(outbox, Microsoft.Extensions.Options.Options.Create(mqtt), Microsoft.Extensions.Options.Options.Create(new StationOptions { Id = stationId }), TimeProvider.System, log ?? NullLogger<MqttPublisher>.Instance);
}
