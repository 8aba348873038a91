using System.Data.Common;
using System.Text.Json;
using SortStation.Central.Settings;
using SortStation.Central.Storage;
using SortStation.Central.Web.Settings;
using SortStation.Central.Web.Tests.Support;

namespace SortStation.Central.Web.Tests;

/// <summary>The <c>settings</c> table on SQLite and PostgreSQL: append-only (the database refuses changes), the newest row in force, history with what it replaced.</summary>
public sealed class SettingsStoreTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public async Task Sqlite_AppendCurrentHistory_AndRowsCannotBeChanged()
    {
        using var db = ConsoleDatabase.Sqlite(_dir);
        await StoreScenarioAsync(db);
    }

    [PostgresFact]
    public async Task Postgres_AppendCurrentHistory_RowsCannotBeChanged_PasswordNeverShown()
    {
        using var server = PostgresServer.Start();
        using var db = ConsoleDatabase.Postgres(server);
        await StoreScenarioAsync(db);

        // The console on that database, its connection string holding a password (trust authentication ignores it).
        var settings = ConsoleFactory.Settings(_dir, db);
        settings["Storage:PostgresConnectionString"] += ";Password=pg-secret-never-shown";
        using var factory = new ConsoleFactory(settings);
        await factory.AddUserAsync("admin", Accounts.ConsoleRole.Admin);
        using var client = factory.Client();
        await ConsoleClient.SignInAsync(client, "admin");
        var text = await client.GetStringAsync("/api/settings");
        var html = await client.GetStringAsync("/settings");
        using var json = JsonDocument.Parse(text);

        var connection = SettingsTests.Entries(json.RootElement)["Storage.PostgresConnectionString"]!;
        Assert.Contains($"password={SecretText.Mask}", connection, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("database=console_", connection, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("pg-secret-never-shown", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pg-secret-never-shown", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db;Username=central;Password=s3cr3t;Database=x", "s3cr3t")]
    [InlineData("host=db;PWD=s3cr3t", "s3cr3t")]
    [InlineData("Host=db;SSL Password=k3y-pass", "k3y-pass")]
    [InlineData("not a connection string s3cr3t", "s3cr3t")]
    public void SecretText_ConnectionString_PasswordsMasked(string text, string secret)
    {
        var shown = SecretText.ConnectionString(text)!;
        Assert.DoesNotContain(secret, shown, StringComparison.Ordinal);
        Assert.Contains(SecretText.Mask, shown, StringComparison.Ordinal);
    }

    [Fact]
    public void SecretText_UrlWithUserInfo_Removed() =>
        Assert.Equal("mqtts://broker.example:8883/", SecretText.Url("mqtts://central:s3cr3t@broker.example:8883"));

    public void Dispose() => _dir.Dispose();

    private static async Task StoreScenarioAsync(ConsoleDatabase db)
    {
        await new SqlWeighingStore(db.Dialect, TimeProvider.System).MigrateAsync(default);
        var store = new SqlSettingsStore(db.Dialect);
        var t0 = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

        Assert.True(await store.AppendAsync("console", "language", "id", t0, "siti", default));
        Assert.False(await store.AppendAsync("console", "language", "id", t0.AddMinutes(1), "budi", default)); // already so: no row
        Assert.True(await store.AppendAsync("console", "dashboardPeriod", "7d", t0.AddMinutes(2), "siti", default));
        Assert.True(await store.AppendAsync("console", "language", "en", t0.AddMinutes(3), "apikey:automation", default));

        var current = await store.CurrentAsync(default);
        Assert.Equal(["console.dashboardPeriod=7d by siti", "console.language=en by apikey:automation"], current.Select(c => $"{c.Section}.{c.Name}={c.Value} by {c.ChangedBy}"));
        var history = await store.HistoryAsync(10, default);
        Assert.Equal(["language id→en", "dashboardPeriod (default)→7d", "language (default)→id"], history.Select(h => $"{h.Name} {h.Previous ?? "(default)"}→{h.Value}"));
        Assert.Equal(t0.AddMinutes(3), history[0].ChangedAt);
        Assert.Single(await store.HistoryAsync(1, default));

        foreach (var sql in new[] { "UPDATE settings SET value = 'id'", "DELETE FROM settings" })
        {
            await using var connection = await db.Dialect.OpenAsync(default);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var refused = await Assert.ThrowsAnyAsync<DbException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(3, (await store.HistoryAsync(10, default)).Count);
    }
}
