using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using SortStation.Mqtt;

namespace SortStation.Central.Tests.Support;

/// <summary>A client of the shipped broker configuration: MQTT v5 over TLS (the test CA), user name and password.</summary>
public static class SecureClient
{
    public static MqttClientOptions Options(SecureMosquitto broker, string user, string password, string? clientId = null)
    {
        var trust = new X509Certificate2Collection();
        trust.ImportFromPemFile(broker.CaFile);
        return new MqttClientOptionsBuilder()
            .WithTcpServer("localhost", broker.Port)
            .WithClientId(clientId ?? $"test-{user}")
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCredentials(user, password)
            .WithTlsOptions(new MqttClientTlsOptionsBuilder().UseTls().WithTargetHost("localhost").WithCertificateValidationHandler(e => BrokerCertificate.Validate(e, trust)).Build())
            .Build();
    }

    public static async Task<IMqttClient> ConnectAsync(SecureMosquitto broker, string user, string password, string? clientId = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(Options(broker, user, password, clientId));
        return client;
    }

    /// <summary>Why the broker refuses this login (the CONNACK reason, or the exception MQTTnet throws for it); empty when it accepts.</summary>
    public static async Task<string> RefusalAsync(SecureMosquitto broker, string user, string password)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        try
        {
            var result = await client.ConnectAsync(Options(broker, user, password));
            return result.ResultCode == MqttClientConnectResultCode.Success ? string.Empty : result.ResultCode.ToString();
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException ex)
        {
            return ex.ToString();
        }
    }

    /// <summary>Completes when the broker ends the client's connection.</summary>
    public static Task DisconnectedAsync(IMqttClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.DisconnectedAsync += _ =>
        {
            disconnected.TrySetResult();
            return Task.CompletedTask;
        };
        return disconnected.Task;
    }

    public static Task<MqttClientPublishResult> PublishAsync(this IMqttClient client, string topic, byte[] payload, bool retain = false) =>
        client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
}
