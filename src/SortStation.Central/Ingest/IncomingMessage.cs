namespace SortStation.Central.Ingest;

/// <summary>A message as received: the topic names the sending station.</summary>
public readonly record struct IncomingMessage(string Topic, ReadOnlyMemory<byte> Payload);
