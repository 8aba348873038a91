using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;

namespace SortStation.Mqtt;

/// <summary>Accepts a broker certificate only if it chains to the configured CA and names the host we dialled.</summary>
public static class BrokerCertificate
{
    public static bool Validate(MqttClientCertificateValidationEventArgs e, X509Certificate2Collection trust)
    {
        if (e.Certificate is null || (e.SslPolicyErrors & (SslPolicyErrors.RemoteCertificateNotAvailable | SslPolicyErrors.RemoteCertificateNameMismatch)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trust);
        // A private plant CA rarely publishes a CRL; expiry and signature are still checked.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var certificate = X509CertificateLoader.LoadCertificate(e.Certificate.GetRawCertData());
        return chain.Build(certificate);
    }
}
