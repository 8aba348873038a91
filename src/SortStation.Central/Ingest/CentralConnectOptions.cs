using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using SortStation.Central.Options;
using SortStation.Core.Options;

namespace SortStation.Central.Ingest;

/// <summary>
/// CONNECT of a central instance: MQTT v5, client id = Central:InstanceId, clean start off and a
/// session expiry (the broker keeps unacknowledged weighings while central restarts), receive maximum,
/// optional TLS and credentials as on the station. The password is read at every connect.
/// </summary>
internal sealed class CentralConnectOptions(CentralMqttOptions mqtt, string instanceId)
{
    public string ClientId => instanceId;

    public string SharedFilter => $"$share/{mqtt.SharedGroup}/{mqtt.TopicPrefix}/+/weighing";

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
            .WithReceiveMaximum((ushort)mqtt.ReceiveMaximum)
            .WithTimeout(TimeSpan.FromSeconds(10));
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
            tls.WithCertificateValidationHandler(e => Validate(e, trust));
        }

        if (!string.IsNullOrWhiteSpace(mqtt.ClientCertificateFile))
        {
            var certificate = X509Certificate2.CreateFromPemFile(AppPaths.Resolve(mqtt.ClientCertificateFile)!, AppPaths.Resolve(mqtt.ClientKeyFile));
            tls.WithClientCertificates([certificate]);
        }

        return tls.Build();
    }

    // Same rule as the station: chain to the configured CA and name the host we dialled.
    private static bool Validate(MqttClientCertificateValidationEventArgs e, X509Certificate2Collection trust)
    {
        if (e.Certificate is null || (e.SslPolicyErrors & (SslPolicyErrors.RemoteCertificateNotAvailable | SslPolicyErrors.RemoteCertificateNameMismatch)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trust);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var certificate = X509CertificateLoader.LoadCertificate(e.Certificate.GetRawCertData());
        return chain.Build(certificate);
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
