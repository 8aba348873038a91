using SortStation.Central.Storage;
using SortStation.Central.Tests.Support;

namespace SortStation.Central.Tests;

public sealed class SqliteStoreTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly SqliteDialect _dialect;
    private readonly SqlWeighingStore _store;

    public SqliteStoreTests()
    {
        _dialect = new SqliteDialect(_dir.File("db/central.db"));
        _store = new SqlWeighingStore(_dialect, TimeProvider.System);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dialect.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public Task Migrate_Twice_AppliesOnce() => StoreScenarios.MigrateTwice_AppliesOnce(_store);

    [Fact]
    public Task Snapshot_CommitMeanwhile_NotSeen() => StoreScenarios.Snapshot_CommitMeanwhile_NotSeen(_store);

    [Fact]
    public Task Store_Duplicates_DroppedAndCounted() => StoreScenarios.Store_Duplicates_DroppedAndCounted(_store);

    [Fact]
    public Task Aggregate_ByLabel_SumsWeightAndAveragesPriceInDatabase() => StoreScenarios.Aggregate_ByLabel_SumsInDatabase(_store);

    [Fact]
    public Task Aggregate_ByStationLabel_GroupsPerStation() => StoreScenarios.Aggregate_ByStationLabel_GroupsPerStation(_store);

    [Fact]
    public Task ReadStats_Stored_CountsPerStationAndLabel() => StoreScenarios.ReadStats_PerStationAndLabel(_store);

    [Fact]
    public Task Store_Rejections_SummedByReasonAcrossBatches() => StoreScenarios.Store_Rejections_SummedByReasonAcrossBatches(_store);

    [Fact]
    public Task Stations_AddRevokeAddAgain_RegistrationFollows() => StoreScenarios.Stations_AddRevokeAddAgain_RegistrationFollows(_store);

    [Fact]
    public async Task Migrate_Fresh_RecordsSchemaVersion()
    {
        await _store.MigrateAsync(default);
        await using var connection = await _dialect.OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, name FROM schema_version";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((1L, "001_init.sql"), (reader.GetInt64(0), reader.GetString(1)));
    }
}
