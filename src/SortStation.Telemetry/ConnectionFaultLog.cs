using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Adapter;

namespace SortStation.Telemetry;

/// <summary>
/// Logs broker trouble once per outage (then at Debug), so a long outage or a wrong password does not
/// flood the journal while the publisher keeps retrying. Credentials problems get their own clear error.
/// </summary>
internal sealed class ConnectionFaultLog(MqttOptions mqtt, ILogger log)
{
    private bool _authLogged;
    private bool _faultLogged;

    public string? LastError { get; private set; }

    public void Report(Exception ex, long pending)
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
                    "MQTT broker {Broker} refused user {User}: {ReasonCode}. Check Mqtt:Username and the password in Mqtt:PasswordFile or Mqtt:PasswordEnvironmentVariable against the broker's password file. {Pending} records kept in the outbox; retrying every {Min}–{Max} s",
                    mqtt.Broker, mqtt.Username ?? "(anonymous)", code, pending, mqtt.ReconnectMinSeconds, mqtt.ReconnectMaxSeconds);
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
            log.LogWarning("MQTT broker {Broker} unavailable ({Error}); {Pending} records kept in the outbox, retrying with back-off", mqtt.Broker, ex.Message, pending);
            _faultLogged = true;
        }
        else
        {
            log.LogDebug("MQTT broker {Broker} still unavailable ({Error})", mqtt.Broker, ex.Message);
        }
    }

    public void Recovered(bool sessionPresent, long pending)
    {
        if (_faultLogged || _authLogged)
        {
            log.LogInformation("MQTT broker {Broker} reachable again (session present: {SessionPresent}); draining {Pending} records", mqtt.Broker, sessionPresent, pending);
        }
        else
        {
            log.LogInformation("Connected to MQTT broker {Broker} (session present: {SessionPresent})", mqtt.Broker, sessionPresent);
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
