using System.Text.Json;
using SortStation.Central.Options;

namespace SortStation.Central.Stations;

/// <summary>What a technician merges into the station's /etc/sortstation/sortstation.json, and how to install its files.</summary>
public static class StationSnippet
{
    public const string StationPasswordFile = "/etc/sortstation/mqtt-password";
    public const string StationCaFile = "/etc/sortstation/plant-ca.crt";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Json(string stationId, BrokerOptions broker)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var url = string.IsNullOrWhiteSpace(broker.StationBrokerUrl) ? $"mqtts://{Environment.MachineName}:8883" : broker.StationBrokerUrl;
        var mqtt = new Dictionary<string, string>
        {
            ["Broker"] = url,
            ["Username"] = stationId,
            ["PasswordFile"] = StationPasswordFile,
        };
        if (!string.IsNullOrWhiteSpace(broker.CaFile))
        {
            mqtt["CaFile"] = StationCaFile;
        }

        var snippet = new Dictionary<string, object>
        {
            ["Station"] = new Dictionary<string, string> { ["Id"] = stationId },
            ["Mqtt"] = mqtt,
        };
        return JsonSerializer.Serialize(snippet, Indented);
    }

    public static IEnumerable<string> InstallSteps(string stationId, string? passwordCopy, BrokerOptions broker)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var step = 0;
        if (passwordCopy is not null)
        {
            yield return $"{++step}. Copy {passwordCopy} to the station and install it (then delete every other copy):";
            yield return $"     sudo install -m 0600 -o sortstation {Path.GetFileName(passwordCopy)} {StationPasswordFile}";
        }
        else
        {
            yield return $"{++step}. The station keeps its password in {StationPasswordFile} (unchanged; --rotate issues a new one).";
        }

        if (!string.IsNullOrWhiteSpace(broker.CaFile))
        {
            yield return $"{++step}. Copy the plant CA {broker.CaFile} to the station as {StationCaFile} (mode 0644).";
        }

        yield return $"{++step}. Merge this into the station's /etc/sortstation/sortstation.json (Station:Id must be {stationId}: the broker";
        yield return "   lets a station publish only under its own user name), then: sudo systemctl restart sortstation";
    }
}
