namespace SortStation.Central.Options;

/// <summary>
/// Section <c>Broker</c>: the local mosquitto whose credentials <c>sortstation-central stations add / revoke</c>
/// manage (scripts/install.sh --broker sets it up at these paths). Only the <c>stations</c> commands read it.
/// </summary>
public sealed class BrokerOptions
{
    public const string Section = "Broker";

    /// <summary>mosquitto's password_file: user name = station id, PBKDF2-SHA512 hashes.</summary>
    public string PasswordFile { get; set; } = "/etc/mosquitto/sortstation/passwd";

    /// <summary>mosquitto's acl_file; it must confine every station to its own prefix (<c>pattern write sortstation/%u/#</c>).</summary>
    public string AclFile { get; set; } = "/etc/mosquitto/sortstation/acl";

    /// <summary>mosquitto's pid_file: SIGHUP makes it re-read the password file and ACL (and drop revoked clients). Empty: reload it yourself.</summary>
    public string? PidFile { get; set; } = "/run/mosquitto/mosquitto.pid";

    /// <summary>The plant CA the stations trust (copied to each as Mqtt:CaFile); empty for a broker without TLS.</summary>
    public string? CaFile { get; set; } = "/etc/mosquitto/sortstation/ca.crt";

    /// <summary>The broker address as the stations dial it, for the printed snippet; empty: mqtts://{this host's name}:8883.</summary>
    public string? StationBrokerUrl { get; set; }
}
