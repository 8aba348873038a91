using SortStation.Central.Web.Tests.Support;

namespace SortStation.Central.Web.Tests;

/// <summary>The console's API on SQLite over a seeded fleet, against plain SQL.</summary>
public sealed class SqliteApiTests(SqliteSeededConsole console) : IClassFixture<SqliteSeededConsole>
{
    [Fact]
    public Task Summary_SeededPeriods_EqualIndependentSql() => ApiScenarios.Summary_SeededPeriods_EqualIndependentSql(console);

    [Fact]
    public Task Summary_DuplicatesAndPeriodEdges_EqualIndependentSql() => ApiScenarios.Summary_DuplicatesAndPeriodEdges_EqualIndependentSql(console);

    [Fact]
    public Task Weighings_Filters_EqualIndependentSql() => ApiScenarios.Weighings_Filters_EqualIndependentSql(console);

    [Fact]
    public Task Weighings_SortAndPaging_EachRowOnceInOrder() => ApiScenarios.Weighings_SortAndPaging_EachRowOnceInOrder(console);

    [Fact]
    public Task WeighingsCsv_Filters_EqualIndependentSql() => ApiScenarios.WeighingsCsv_Filters_EqualIndependentSql(console);

    [Fact]
    public Task Predict_Grid_EqualsClusteringLibrary() => ApiScenarios.Predict_Grid_EqualsClusteringLibrary(console);
}

/// <summary>The same checks on a real PostgreSQL server started by the tests.</summary>
public sealed class PostgresApiTests(PostgresSeededConsole console) : IClassFixture<PostgresSeededConsole>
{
    [PostgresFact]
    public Task Summary_SeededPeriods_EqualIndependentSql() => ApiScenarios.Summary_SeededPeriods_EqualIndependentSql(console);

    [PostgresFact]
    public Task Summary_DuplicatesAndPeriodEdges_EqualIndependentSql() => ApiScenarios.Summary_DuplicatesAndPeriodEdges_EqualIndependentSql(console);

    [PostgresFact]
    public Task Weighings_Filters_EqualIndependentSql() => ApiScenarios.Weighings_Filters_EqualIndependentSql(console);

    [PostgresFact]
    public Task Weighings_SortAndPaging_EachRowOnceInOrder() => ApiScenarios.Weighings_SortAndPaging_EachRowOnceInOrder(console);

    [PostgresFact]
    public Task WeighingsCsv_Filters_EqualIndependentSql() => ApiScenarios.WeighingsCsv_Filters_EqualIndependentSql(console);

    [PostgresFact]
    public Task Predict_Grid_EqualsClusteringLibrary() => ApiScenarios.Predict_Grid_EqualsClusteringLibrary(console);
}
