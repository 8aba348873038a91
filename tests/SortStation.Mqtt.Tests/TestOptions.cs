namespace SortStation.Mqtt.Tests;

/// <summary>The shared section on its own, as neither host's subclass.</summary>
internal sealed class TestOptions : MqttConnectionOptions;
