using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Adapter;

namespace SortStation.Mqtt;

/// <summary>
/// Logs broker trouble once per outage (then at Debug), so a long outage or a wrong password does not flood the
/// journal while the host keeps retrying. Credentials problems get their own clear error. Logged under the
/// caller's category (the publisher's, the ingest's), where a technician looks for them.
/// </summary>
internal sealed class MqttOutageLog(MqttConnectionOptions mqtt, ILogger log, Func<string> kept)
{
    private bool _authLogged;
    private bool _faultLogged;

    public string? LastError { get; private set; }

    public void Report(Exception ex)
    {
        LastError = ex.Message;
        var code = ex switch
        {
            MqttBrokerRefusedException r => r.ResultCode,
            // MQTTnet 5 throws this for a refused CONNACK; its message names the reason code.
            MqttConnectingFailedException c => ReasonIn(c),
            _ => null,
        };
        if (code is MqttClientConnectResultCode.NotAuthorized or MqttClientConnectResultCode.BadUserNameOrPassword)
        {
            LastError = $"broker refused the credentials: {code}";
            if (!_authLogged)
            {
                log.LogError(
                    "MQTT broker {Broker} refused user {User}: {ReasonCode}. Check Mqtt:Username and the password in Mqtt:PasswordFile or Mqtt:PasswordEnvironmentVariable against the broker's password file. {Kept}; retrying every {Min}–{Max} s",
                    mqtt.Broker, mqtt.Username ?? "(anonymous)", code, kept(), mqtt.ReconnectMinSeconds, mqtt.ReconnectMaxSeconds);
                _authLogged = true;
            }
            else
            {
                log.LogDebug("MQTT broker {Broker} still refuses the credentials ({ReasonCode})", mqtt.Broker, code);
            }

            return;
        }

        if (!_faultLogged)
        {
            log.LogWarning("MQTT broker {Broker} unavailable ({Error}); {Kept}, retrying with back-off", mqtt.Broker, ex.Message, kept());
            _faultLogged = true;
        }
        else
        {
            log.LogDebug("MQTT broker {Broker} still unavailable ({Error})", mqtt.Broker, ex.Message);
        }
    }

    public void Recovered(string clientId, bool sessionPresent)
    {
        if (_faultLogged || _authLogged)
        {
            log.LogInformation("MQTT broker {Broker} reachable again as {ClientId} (session present: {SessionPresent}); {Kept}", mqtt.Broker, clientId, sessionPresent, kept());
        }
        else
        {
            log.LogInformation("Connected to MQTT broker {Broker} as {ClientId} (session present: {SessionPresent})", mqtt.Broker, clientId, sessionPresent);
        }

        _faultLogged = false;
        _authLogged = false;
        LastError = null;
    }

    private static MqttClientConnectResultCode? ReasonIn(Exception ex)
    {
        for (var e = (Exception?)ex; e is not null; e = e.InnerException)
        {
            foreach (var code in new[] { MqttClientConnectResultCode.BadUserNameOrPassword, MqttClientConnectResultCode.NotAuthorized })
            {
                if (e.Message.Contains(code.ToString(), StringComparison.Ordinal))
                {
                    return code;
                }
            }
        }

        return null;
    }
}
