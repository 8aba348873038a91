using MQTTnet;

namespace SortStation.Central.Ingest;

/// <summary>A received, not yet acknowledged message and the connection it came on.</summary>
internal sealed record PendingMessage(IncomingMessage Message, MqttApplicationMessageReceivedEventArgs Receipt, long Connection);
