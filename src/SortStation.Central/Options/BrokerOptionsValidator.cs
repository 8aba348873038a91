using Microsoft.Extensions.Options;
using SortStation.Central.Stations;
using SortStation.Kernel.Options;

namespace SortStation.Central.Options;

/// <summary>Rules of <see cref="BrokerOptions"/>, checked by the <c>stations</c> commands before they change anything.</summary>
public sealed class BrokerOptionsValidator(string topicPrefix) : IValidateOptions<BrokerOptions>
{
    public ValidateOptionsResult Validate(string? name, BrokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ConfigErrors();
        var passwordDirectory = Path.GetDirectoryName(Path.GetFullPath(options.PasswordFile ?? "."));
        if (string.IsNullOrWhiteSpace(options.PasswordFile) || !Directory.Exists(passwordDirectory))
        {
            errors.Add("Broker:PasswordFile", options.PasswordFile, "is not in an existing directory.", "set up the broker first (sudo scripts/install.sh --broker) or give mosquitto's password_file.");
        }

        if (string.IsNullOrWhiteSpace(options.AclFile) || !File.Exists(options.AclFile))
        {
            errors.Add("Broker:AclFile", options.AclFile, "does not exist.", "set up the broker first (sudo scripts/install.sh --broker) or give mosquitto's acl_file.");
        }
        else if (!MosquittoAcl.Load(options.AclFile).ConfinesStations(topicPrefix))
        {
            errors.Add("Broker:AclFile", options.AclFile, $"does not confine the stations: without \"pattern write {topicPrefix}/%u/#\" (and no broader write) a station could publish for another.", "install the shipped scripts/mosquitto/sortstation.acl.");
        }

        if (!string.IsNullOrWhiteSpace(options.CaFile) && !File.Exists(options.CaFile))
        {
            errors.Add("Broker:CaFile", options.CaFile, "does not exist.", "give the plant CA certificate (scripts/mosquitto/make-ca.sh makes it), or empty for a broker without TLS.");
        }

        if (!string.IsNullOrWhiteSpace(options.StationBrokerUrl)
            && !(Uri.TryCreate(options.StationBrokerUrl, UriKind.Absolute, out var uri) && uri.Scheme is "mqtt" or "mqtts"))
        {
            errors.Add("Broker:StationBrokerUrl", options.StationBrokerUrl, "is not a broker address.", "use mqtts://central.plant.lan:8883.");
        }

        return errors.ToResult();
    }
}
