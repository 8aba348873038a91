using SortStation.Central.Accounts;

namespace SortStation.Central.Web.Tests.Support;

/// <summary>A console of its own on an empty SQLite database, for tests that change accounts or count attempts.</summary>
public sealed class EmptyConsole : IDisposable
{
    public EmptyConsole(params (string Key, string? Value)[] settings)
    {
        Database = ConsoleDatabase.Sqlite(Dir);
        Factory = new ConsoleFactory(ConsoleFactory.Settings(Dir, Database, settings));
    }

    public TempDir Dir { get; } = new();

    public ConsoleDatabase Database { get; }

    public ConsoleFactory Factory { get; }

    public static async Task<EmptyConsole> WithUsersAsync(params (string Key, string? Value)[] settings)
    {
        var console = new EmptyConsole(settings);
        await console.Factory.AddUserAsync("viewer", ConsoleRole.Viewer);
        await console.Factory.AddUserAsync("operator", ConsoleRole.Operator);
        await console.Factory.AddUserAsync("admin", ConsoleRole.Admin);
        return console;
    }

    public async Task<HttpClient> SignedInAsync(string user)
    {
        var client = Factory.Client();
        await ConsoleClient.SignInAsync(client, user);
        return client;
    }

    public void Dispose()
    {
        Factory.Dispose();
        Database.Dispose();
        Dir.Dispose();
    }
}
