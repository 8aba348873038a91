using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using SortStation.Contracts;
using SortStation.Core.Options;

namespace SortStation.Telemetry;

/// <summary>
/// Builds the CONNECT of the station: MQTT v5, persistent session, retained <c>offline</c> will,
/// optional TLS and credentials. The password is read at every connect (so a rotated file is picked
/// up) and never leaves this class except inside the CONNECT packet.
/// </summary>
internal sealed class MqttConnectOptions(MqttOptions mqtt, string stationId)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public string ClientId => string.IsNullOrWhiteSpace(mqtt.ClientId) ? $"sortstation-{stationId}" : mqtt.ClientId;

    public MqttClientOptions Create()
    {
        var uri = mqtt.BrokerUri;
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(uri.Host, uri.Port > 0 ? uri.Port : (mqtt.UseTls ? 8883 : 1883))
            .WithClientId(ClientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)mqtt.SessionExpirySeconds)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(mqtt.KeepAliveSeconds))
            .WithTimeout(Timeout)
            .WithWillTopic(Topics.Status(mqtt.TopicPrefix, stationId))
            .WithWillPayload(StationStatus.Offline)
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (!string.IsNullOrWhiteSpace(mqtt.Username))
        {
            builder.WithCredentials(mqtt.Username, ReadPassword());
        }

        if (mqtt.UseTls)
        {
            builder.WithTlsOptions(Tls(uri.Host));
        }

        return builder.Build();
    }

    private MqttClientTlsOptions Tls(string host)
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

    private string? ReadPassword()
    {
        if (!string.IsNullOrWhiteSpace(mqtt.PasswordFile))
        {
            using var reader = new StreamReader(AppPaths.Resolve(mqtt.PasswordFile)!);
            return reader.ReadLine()?.TrimEnd('\r');
        }

        return string.IsNullOrWhiteSpace(mqtt.PasswordEnvironmentVariable) ? null : Environment.GetEnvironmentVariable(mqtt.PasswordEnvironmentVariable);
    }
}
