using System.CommandLine;
using SortStation.Central.Accounts;
using SortStation.Central.Commands;
using SortStation.Central.Storage;
using SortStation.Central.Web.Tests.Support;

namespace SortStation.Central.Web.Tests;

/// <summary><c>sortstation-central users</c> and <c>apikeys</c>, in-process, on a SQLite file.</summary>
public sealed class CliTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public async Task UsersAdd_PasswordFromStdin_StoredHashedWithRole()
    {
        var (code, stdout, _) = await RunAsync("correct-horse-battery\n", "users", "add", "siti", "--role", "operator");
        var user = await Store().FindUserAsync("siti", default);
        Assert.Equal(0, code);
        Assert.Contains("siti", stdout, StringComparison.Ordinal);
        Assert.Equal(ConsoleRole.Operator, user!.Role);
        Assert.DoesNotContain("correct-horse-battery", user.PasswordHash, StringComparison.Ordinal);
        Assert.StartsWith("AQAAAA", user.PasswordHash, StringComparison.Ordinal); // PasswordHasher v3 format
    }

    [Fact]
    public async Task UsersAdd_ShortPasswordOrBadRole_RefusedNothingStored()
    {
        var (shortCode, _, shortError) = await RunAsync("short\n", "users", "add", "siti", "--role", "viewer");
        var (roleCode, _, _) = await RunAsync("correct-horse-battery\n", "users", "add", "siti", "--role", "owner");
        Assert.NotEqual(0, shortCode);
        Assert.Contains("at least 10 characters", shortError, StringComparison.Ordinal);
        Assert.NotEqual(0, roleCode);
        Assert.Empty(await Store().ListUsersAsync(default));
    }

    [Fact]
    public async Task UsersCommands_NoPasswordOption_OnlyStdin()
    {
        var (code, _, _) = await RunAsync("correct-horse-battery\n", "users", "add", "siti", "--role", "viewer", "--password", "on-the-command-line");
        Assert.NotEqual(0, code);
        Assert.Empty(await Store().ListUsersAsync(default));
    }

    [Fact]
    public async Task UsersSetPasswordListRemove_RoundTrip()
    {
        await RunAsync("correct-horse-battery\n", "users", "add", "budi", "--role", "admin");
        var before = (await Store().FindUserAsync("budi", default))!;
        var (setCode, _, _) = await RunAsync("another-long-password\n", "users", "set-password", "budi");
        var after = (await Store().FindUserAsync("budi", default))!;
        var (_, list, _) = await RunAsync(string.Empty, "users", "list", "--json");
        var (removeCode, _, _) = await RunAsync(string.Empty, "users", "remove", "budi");
        var (again, _, error) = await RunAsync(string.Empty, "users", "remove", "budi");

        Assert.Equal(0, setCode);
        Assert.NotEqual(before.PasswordHash, after.PasswordHash);
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
        Assert.Contains("\"name\": \"budi\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain(after.PasswordHash, list, StringComparison.Ordinal);
        Assert.Equal(0, removeCode);
        Assert.NotEqual(0, again);
        Assert.Contains("no user named budi", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiKeysAdd_PrintedOnceStoredHashed()
    {
        var (code, stdout, _) = await RunAsync(string.Empty, "apikeys", "add", "erp", "--role", "viewer");
        var key = stdout.Trim();
        var stored = (await Store().ListApiKeysAsync(default)).Single();
        var (_, list, _) = await RunAsync(string.Empty, "apikeys", "list");
        Assert.Equal(0, code);
        Assert.StartsWith("ssk_", key, StringComparison.Ordinal);
        Assert.True(Web.Auth.ApiKeys.TryParse(key, out var id, out var secret));
        Assert.Equal(stored.KeyId, id);
        Assert.True(Web.Auth.ApiKeys.Matches(stored, secret));
        Assert.DoesNotContain(secret, stored.SecretSha256, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private SqlAccountStore Store()
    {
        var dialect = new SqliteDialect(_dir.File("central.db"));
        new SqlWeighingStore(dialect, TimeProvider.System).MigrateAsync(default).GetAwaiter().GetResult();
        return new SqlAccountStore(dialect);
    }

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(string stdin, params string[] args)
    {
        var config = _dir.File("central.json");
        await File.WriteAllTextAsync(config, $$"""{ "Storage": { "SqlitePath": "{{_dir.File("central.db")}}" } }""");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var root = CentralCli.Create(TimeProvider.System, w => new PasswordInput(new StringReader(stdin), interactive: false, w));
        var code = await root.Parse([.. args, "--config", config]).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }
}
