using Npgsql;
using SortStation.Central.Storage;
using SortStation.Central.Tests.Support;

namespace SortStation.Central.Tests;

/// <summary>The PostgreSQL path against a real server this test starts (initdb + pg_ctl); each test gets its own database.</summary>
public sealed class PostgresStoreTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private async Task RunAsync(Func<IWeighingStore, Task> scenario)
    {
        var database = "t" + Guid.NewGuid().ToString("N");
        await using (var admin = NpgsqlDataSource.Create(fixture.Server.ConnectionString))
        await using (var create = admin.CreateCommand($"CREATE DATABASE {database}"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(fixture.Server.ConnectionString) { Database = database }.ToString();
        using var dialect = new PostgresDialect(connectionString, passwordFile: null);
        await scenario(new SqlWeighingStore(dialect, TimeProvider.System));
    }

    [PostgresFact]
    public Task Migrate_Twice_AppliesOnce() => RunAsync(StoreScenarios.MigrateTwice_AppliesOnce);

    [PostgresFact]
    public Task Store_Duplicates_DroppedAndCounted() => RunAsync(StoreScenarios.Store_Duplicates_DroppedAndCounted);

    [PostgresFact]
    public Task Aggregate_ByLabel_SumsWeightAndAveragesPriceInDatabase() => RunAsync(StoreScenarios.Aggregate_ByLabel_SumsInDatabase);

    [PostgresFact]
    public Task Aggregate_ByStationLabel_GroupsPerStation() => RunAsync(StoreScenarios.Aggregate_ByStationLabel_GroupsPerStation);

    [PostgresFact]
    public Task ReadStats_Stored_CountsPerStationAndLabel() => RunAsync(StoreScenarios.ReadStats_PerStationAndLabel);

    [PostgresFact]
    public Task Store_Rejections_SummedByReasonAcrossBatches() => RunAsync(StoreScenarios.Store_Rejections_SummedByReasonAcrossBatches);

    [PostgresFact]
    public Task Snapshot_CommitMeanwhile_NotSeen() => RunAsync(StoreScenarios.Snapshot_CommitMeanwhile_NotSeen);

    [PostgresFact]
    public Task Stations_AddRevokeAddAgain_RegistrationFollows() => RunAsync(StoreScenarios.Stations_AddRevokeAddAgain_RegistrationFollows);

    [PostgresFact]
    public Task Migrate_ConcurrentInstances_AppliesOnce() => RunAsync(async store =>
    {
        var applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.MigrateAsync(default)));
        Assert.Equal(Migrator.Scripts("postgres").Count, applied.Sum()); // each file once, by one instance
    });
}
