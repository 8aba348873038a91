using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Options;
using SortStation.Central.Options;
using SortStation.Central.Stations;
using SortStation.Contracts;

namespace SortStation.Central.Live;

/// <summary>
/// Every station's retained <c>status</c> and <c>health</c> as last received (docs/security.md: the station is
/// taken from the topic, which the broker's ACL ties to the sender, never from the payload; with
/// Central:RequireRegisteredStations only stations the registry lists as active are shown).
/// </summary>
public sealed class StationStateTracker(IOptions<CentralMqttOptions> mqtt, IOptions<CentralOptions> central, StationRegistry registry, FleetEvents events, TimeProvider time)
{
    public const int MaxText = 128;
    public const int MaxPayloadBytes = 16 * 1024;

    // Bounds memory if an open development broker lets anyone invent station ids.
    private const int MaxStations = 10_000;
    private readonly ConcurrentDictionary<string, StationLive> _stations = new(StringComparer.Ordinal);
    private readonly string _prefix = mqtt.Value.TopicPrefix + "/";

    /// <summary>Takes a message from <c>{prefix}/{station}/status</c> or <c>/health</c>; false when it is not one or is ignored.</summary>
    public bool Apply(string topic, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (!topic.StartsWith(_prefix, StringComparison.Ordinal) || payload.Length > MaxPayloadBytes)
        {
            return false;
        }

        var parts = topic[_prefix.Length..].Split('/');
        if (parts.Length != 2 || StationId.Problem(parts[0]) is not null || (_stations.Count >= MaxStations && !_stations.ContainsKey(parts[0])))
        {
            return false;
        }

        var id = parts[0];
        var now = time.GetUtcNow();
        var current = _stations.GetValueOrDefault(id) ?? new StationLive(id, null, null, null, null);
        StationLive? updated = parts[1] switch
        {
            // An empty retained message clears the topic.
            "status" => current with { Status = payload.IsEmpty ? null : Status(payload), StatusReceivedAt = payload.IsEmpty ? null : now },
            "health" when payload.IsEmpty => current with { Health = null, HealthReceivedAt = null },
            "health" => HealthPayload.Parse(payload, MaxText) is { } health ? current with { Health = health, HealthReceivedAt = now } : null,
            _ => null,
        };
        if (updated is null)
        {
            return false;
        }

        _stations[id] = updated;
        events.Publish(new FleetEvent(FleetEvent.Kinds.Station, [id], 1, now));
        return true;
    }

    /// <summary>The stations to show, by id.</summary>
    public async Task<IReadOnlyList<StationLive>> SnapshotAsync(CancellationToken cancellationToken)
    {
        var all = _stations.Values.OrderBy(s => s.StationId, StringComparer.Ordinal).ToList();
        if (!central.Value.RequireRegisteredStations)
        {
            return all;
        }

        await registry.EnsureFreshAsync(all.Select(s => s.StationId), cancellationToken);
        return [.. all.Where(s => registry.Find(s.StationId) is { IsRevoked: false })];
    }

    private static string Status(ReadOnlySpan<byte> payload)
    {
        var text = Encoding.UTF8.GetString(payload).Trim();
        return text is StationStatus.Online or StationStatus.Offline ? text : "unknown";
    }
}
