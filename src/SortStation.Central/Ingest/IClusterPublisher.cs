namespace SortStation.Central.Ingest;

/// <summary>Publishes the clustering result on the broker central is connected to.</summary>
public interface IClusterPublisher
{
    /// <summary>Retained QoS 1 publish; false when not connected or refused.</summary>
    Task<bool> PublishRetainedAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);
}
