using SortStation.Central.Options;

namespace SortStation.Central.Tests;

public sealed class OptionsValidatorTests
{
    [Fact]
    public void Central_InstanceIdWithSpace_Fails() =>
        Assert.Contains("Central:InstanceId", new CentralOptionsValidator().Validate(null, new CentralOptions { InstanceId = "central 1" }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Mqtt_Defaults_Succeed() => Assert.True(new CentralMqttOptionsValidator().Validate(null, new CentralMqttOptions()).Succeeded);

    [Fact]
    public void Mqtt_SharedGroupWithSlash_Fails() =>
        Assert.Contains("Mqtt:SharedGroup", new CentralMqttOptionsValidator().Validate(null, new CentralMqttOptions { SharedGroup = "a/b" }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Mqtt_BrokerNotMqttUri_Fails() =>
        Assert.Contains("Mqtt:Broker", new CentralMqttOptionsValidator().Validate(null, new CentralMqttOptions { Broker = "http://x" }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Mqtt_ShortSessionExpiry_Fails() =>
        Assert.Contains("Mqtt:SessionExpirySeconds", new CentralMqttOptionsValidator().Validate(null, new CentralMqttOptions { SessionExpirySeconds = 0 }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Mqtt_ReceiveMaximumZero_Fails() =>
        Assert.Contains("Mqtt:ReceiveMaximum", new CentralMqttOptionsValidator().Validate(null, new CentralMqttOptions { ReceiveMaximum = 0 }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Mqtt_PasswordFileWithoutUser_Fails()
    {
        var file = Path.GetTempFileName();
        try
        {
            Assert.Contains("Mqtt:Username", new CentralMqttOptionsValidator().Validate(null, new CentralMqttOptions { PasswordFile = file }).FailureMessage, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Storage_PostgresWithoutConnectionString_Fails() =>
        Assert.Contains("Storage:PostgresConnectionString", new StorageOptionsValidator().Validate(null, new StorageOptions { Provider = StorageProvider.Postgres }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Storage_PostgresConnectionStringInvalid_FailsWithoutEchoingIt()
    {
        var message = new StorageOptionsValidator().Validate(null, new StorageOptions { Provider = StorageProvider.Postgres, PostgresConnectionString = "secret-password" }).FailureMessage;
        Assert.DoesNotContain("secret-password", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_EmptySqlitePath_Fails() =>
        Assert.Contains("Storage:SqlitePath", new StorageOptionsValidator().Validate(null, new StorageOptions { SqlitePath = "" }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Clustering_UnknownGroupBy_Fails() =>
        Assert.Contains("Clustering:GroupBy", new CentralClusteringOptionsValidator().Validate(null, new CentralClusteringOptions { GroupBy = "station" }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Clustering_StationLabelGroupBy_Succeeds() =>
        Assert.True(new CentralClusteringOptionsValidator().Validate(null, new CentralClusteringOptions { GroupBy = "station, label" }).Succeeded);

    [Fact]
    public void Clustering_KRangeFrom1_Fails() =>
        Assert.Contains("Clustering:KRange", new CentralClusteringOptionsValidator().Validate(null, new CentralClusteringOptions { KRange = "1-5" }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Clustering_ZeroInterval_Fails() =>
        Assert.Contains("Clustering:IntervalMinutes", new CentralClusteringOptionsValidator().Validate(null, new CentralClusteringOptions { IntervalMinutes = 0 }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Clustering_ZeroPeriod_Fails() =>
        Assert.Contains("Clustering:PeriodDays", new CentralClusteringOptionsValidator().Validate(null, new CentralClusteringOptions { PeriodDays = 0 }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Clustering_UnknownScale_Fails() =>
        Assert.Contains("Clustering:Scale", new CentralClusteringOptionsValidator().Validate(null, new CentralClusteringOptions { Scale = "log" }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Storage_PostgresPasswordFileWorldReadable_FailsWithChmodFix()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

            var result = new StorageOptionsValidator().Validate(null, new StorageOptions { Provider = StorageProvider.Postgres, PostgresConnectionString = "Host=db", PostgresPasswordFile = file });

            Assert.Contains("Storage:PostgresPasswordFile", result.FailureMessage, StringComparison.Ordinal);
            Assert.Contains("mode 0644", result.FailureMessage, StringComparison.Ordinal);
            Assert.Contains($"chmod 600 {file}", result.FailureMessage, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3661)]
    public void Central_MaxRecordAgeDaysOutOfRange_Fails(int days) =>
        Assert.Contains("Central:MaxRecordAgeDays", new CentralOptionsValidator().Validate(null, new CentralOptions { MaxRecordAgeDays = days }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Central_MaxClockAheadSecondsZero_Fails() =>
        Assert.Contains("Central:MaxClockAheadSeconds", new CentralOptionsValidator().Validate(null, new CentralOptions { MaxClockAheadSeconds = 0 }).FailureMessage, StringComparison.Ordinal);
}
