namespace SortStation.Telemetry;

/// <summary>Broker connection part of the health message.</summary>
public sealed record MqttHealth(bool Connected, long Published, long PublishFailures, long ConnectAttempts, DateTimeOffset? LastPublishAt, string? LastError);
