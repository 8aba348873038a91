using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using SortStation.Kernel.Options;

namespace SortStation.Mqtt;

/// <summary>
/// The CONNECT both hosts send: MQTT v5, clean start off with a session expiry (the broker keeps the
/// session and unacknowledged QoS 1 messages across restarts), keep-alive, optional credentials and TLS.
/// Called at every connect, so a rotated password file is picked up; the password never leaves here
/// except inside the CONNECT packet.
/// </summary>
public static class MqttConnect
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The shared part; the caller adds its own (a will, a receive maximum) and builds.</summary>
    public static MqttClientOptionsBuilder Builder(MqttConnectionOptions mqtt, string clientId)
    {
        ArgumentNullException.ThrowIfNull(mqtt);
        var uri = mqtt.BrokerUri;
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(uri.Host, uri.Port > 0 ? uri.Port : (mqtt.UseTls ? 8883 : 1883))
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)mqtt.SessionExpirySeconds)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(mqtt.KeepAliveSeconds))
            .WithTimeout(Timeout);
        if (!string.IsNullOrWhiteSpace(mqtt.Username))
        {
            builder.WithCredentials(mqtt.Username, ReadPassword(mqtt));
        }

        if (mqtt.UseTls)
        {
            builder.WithTlsOptions(Tls(mqtt, uri.Host));
        }

        return builder;
    }

    private static MqttClientTlsOptions Tls(MqttConnectionOptions mqtt, string host)
    {
        var tls = new MqttClientTlsOptionsBuilder().UseTls().WithTargetHost(host);
        if (!string.IsNullOrWhiteSpace(mqtt.CaFile))
        {
            var trust = new X509Certificate2Collection();
            trust.ImportFromPemFile(AppPaths.Resolve(mqtt.CaFile)!);
            tls.WithCertificateValidationHandler(e => BrokerCertificate.Validate(e, trust));
        }

        if (!string.IsNullOrWhiteSpace(mqtt.ClientCertificateFile))
        {
            var certificate = X509Certificate2.CreateFromPemFile(AppPaths.Resolve(mqtt.ClientCertificateFile)!, AppPaths.Resolve(mqtt.ClientKeyFile));
            tls.WithClientCertificates([certificate]);
        }

        return tls.Build();
    }

    private static string? ReadPassword(MqttConnectionOptions mqtt)
    {
        if (!string.IsNullOrWhiteSpace(mqtt.PasswordFile))
        {
            using var reader = new StreamReader(AppPaths.Resolve(mqtt.PasswordFile)!);
            return reader.ReadLine()?.TrimEnd('\r');
        }

        return string.IsNullOrWhiteSpace(mqtt.PasswordEnvironmentVariable) ? null : Environment.GetEnvironmentVariable(mqtt.PasswordEnvironmentVariable);
    }
}
