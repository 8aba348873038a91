using System.Runtime.Versioning;
using Microsoft.Extensions.Hosting;
using SortStation.Central.Options;
using SortStation.Central.Stations;

namespace SortStation.Central.Tests.Support;

/// <summary>
/// The shipped broker configuration with central's account, a central database, and stations provisioned by
/// the real <c>stations add / revoke</c> code (password file, registration, SIGHUP to the broker).
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class SecureFleet : IDisposable
{
    public const string CentralPassword = "central-test-password";
    private readonly Dictionary<string, string> _passwords = [];

    public SecureFleet()
    {
        Broker = SecureMosquitto.Start(new Dictionary<string, string> { ["central"] = CentralPassword });
        File.WriteAllText(Dir.File("central-password"), CentralPassword + "\n");
        File.SetUnixFileMode(Dir.File("central-password"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public TempDir Dir { get; } = new();

    public SecureMosquitto Broker { get; }

    public string Database => Dir.File("central.db");

    public BrokerOptions BrokerOptions => new() { PasswordFile = Broker.PasswordFile, AclFile = Broker.AclFile, PidFile = Broker.PidFile, CaFile = Broker.CaFile, StationBrokerUrl = Broker.Url.ToString() };

    /// <summary>Central's settings against this broker: TLS, its account, registered stations required.</summary>
    public Dictionary<string, string?> CentralSettings()
    {
        var settings = CentralHosts.Settings(Broker.Url, Database, instanceId: "central");
        settings["Mqtt:Username"] = "central";
        settings["Mqtt:PasswordFile"] = Dir.File("central-password");
        settings["Mqtt:CaFile"] = Broker.CaFile;
        settings["Central:RequireRegisteredStations"] = "true";
        return settings;
    }

    public string PasswordOf(string stationId) => _passwords[stationId];

    /// <summary><c>stations add ID</c>; returns the exit code and keeps the printed password.</summary>
    public async Task<int> AddStationAsync(string stationId, bool rotate = false, DateTimeOffset? acceptFrom = null)
    {
        var copy = Dir.File($"{stationId}.mqtt-password");
        var code = await RunAsync(p => p.AddAsync(stationId, rotate, acceptFrom, copy, default));
        if (File.Exists(copy))
        {
            _passwords[stationId] = File.ReadAllText(copy).Trim();
        }

        return code;
    }

    public Task<int> RevokeStationAsync(string stationId) => RunAsync(p => p.RevokeAsync(stationId, default));

    public void Dispose()
    {
        Broker.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Dir.Dispose();
    }

    private async Task<int> RunAsync(Func<StationProvisioner, Task<int>> action)
    {
        using var dialect = new Storage.SqliteDialect(Database);
        await new Storage.SqlWeighingStore(dialect, TimeProvider.System).MigrateAsync(default);
        return await action(new StationProvisioner(BrokerOptions, new SqlStationStore(dialect), TimeProvider.System, TextWriter.Null, TextWriter.Null));
    }
}
