using MQTTnet;
using MQTTnet.Formatter;

namespace SortStation.Mqtt.Tests;

public sealed class MqttConnectTests : IDisposable
{
    private readonly string _passwordFile = Path.Combine(Path.GetTempPath(), $"sortstation-mqtt-{Guid.NewGuid():N}.txt");

    public void Dispose() => File.Delete(_passwordFile);

    [Fact]
    public void Builder_Defaults_PersistentV5SessionOnPort1883()
    {
        var options = MqttConnect.Builder(new TestOptions { Broker = "mqtt://broker.plant" }, "station-7").Build();

        var endpoint = Assert.IsType<MqttClientTcpOptions>(options.ChannelOptions).RemoteEndpoint as System.Net.DnsEndPoint;
        Assert.Equal(("broker.plant", 1883), (endpoint!.Host, endpoint.Port));
        Assert.Equal("station-7", options.ClientId);
        Assert.Equal(MqttProtocolVersion.V500, options.ProtocolVersion);
        Assert.False(options.CleanSession);
        Assert.Equal(7u * 24 * 3600, options.SessionExpiryInterval);
        Assert.Null(options.Credentials);
    }

    [Fact]
    public void Builder_Mqtts_TlsOnPort8883()
    {
        var options = MqttConnect.Builder(new TestOptions { Broker = "mqtts://broker.plant" }, "c").Build();

        var tcp = Assert.IsType<MqttClientTcpOptions>(options.ChannelOptions);
        Assert.Equal(8883, ((System.Net.DnsEndPoint)tcp.RemoteEndpoint).Port);
        Assert.True(tcp.TlsOptions.UseTls);
    }

    [Fact]
    public void Builder_PasswordFile_ReadAtEveryCall()
    {
        var mqtt = new TestOptions { Username = "station", PasswordFile = _passwordFile };
        File.WriteAllText(_passwordFile, "first\n");
        var first = MqttConnect.Builder(mqtt, "c").Build();

        File.WriteAllText(_passwordFile, "rotated\r\nignored\n");
        var second = MqttConnect.Builder(mqtt, "c").Build();

        Assert.Equal("first", Password(first));
        Assert.Equal("rotated", Password(second));
    }

    private static string Password(MqttClientOptions options)
    {
        var credentials = Assert.IsType<MqttClientCredentials>(options.Credentials);
        return System.Text.Encoding.UTF8.GetString(credentials.GetPassword(options));
    }
}
