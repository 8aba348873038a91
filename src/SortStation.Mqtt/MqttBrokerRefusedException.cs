using MQTTnet;

namespace SortStation.Mqtt;

/// <summary>The broker answered CONNECT with a failure reason code (bad credentials, not authorised, banned...).</summary>
public sealed class MqttBrokerRefusedException : Exception
{
    public MqttBrokerRefusedException()
    {
    }

    public MqttBrokerRefusedException(string message)
        : base(message)
    {
    }

    public MqttBrokerRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public MqttBrokerRefusedException(MqttClientConnectResultCode code, string? reason)
        : base($"broker refused the connection: {code}{(string.IsNullOrEmpty(reason) ? string.Empty : " (" + reason + ")")}")
    {
        ResultCode = code;
    }

    public MqttClientConnectResultCode ResultCode { get; }
}
