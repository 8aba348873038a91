using SortStation.Central.Accounts;

namespace SortStation.Central.Web.Tests.Support;

/// <summary>
/// One console over a seeded database (3 000 weighings, 4 stations, the last 12 days), with a viewer and an admin,
/// shared by the read-only API tests of a class. PostgreSQL's server starts only when a test asks for it.
/// </summary>
public abstract class SeededConsole : IDisposable
{
    public const int Count = 3000;
    public const int Stations = 4;

    private readonly Lazy<Task<ConsoleFactory>> _factory;
    private PostgresServer? _server;

    protected SeededConsole(bool postgres)
    {
        Seeded = SeededWeighings.Create(Count, Stations, Now.AddDays(-12), Now.AddMinutes(-1)).ToList();
        _factory = new Lazy<Task<ConsoleFactory>>(async () =>
        {
            Database = postgres ? ConsoleDatabase.Postgres(_server = PostgresServer.Start()) : ConsoleDatabase.Sqlite(Dir);
            await Database.SeedAsync(Seeded);
            var factory = new ConsoleFactory(ConsoleFactory.Settings(Dir, Database));
            await factory.AddUserAsync("viewer", ConsoleRole.Viewer);
            await factory.AddUserAsync("admin", ConsoleRole.Admin);
            return factory;
        });
    }

    public DateTimeOffset Now { get; } = DateTimeOffset.UtcNow;

    public TempDir Dir { get; } = new();

    public IReadOnlyList<Contracts.WeighingRecord> Seeded { get; }

    public ConsoleDatabase Database { get; private set; } = null!;

    public Task<ConsoleFactory> FactoryAsync() => _factory.Value;

    public async Task<HttpClient> SignedInAsync(string user = "viewer")
    {
        var client = (await FactoryAsync()).Client();
        await ConsoleClient.SignInAsync(client, user);
        return client;
    }

    public void Dispose()
    {
        if (_factory.IsValueCreated)
        {
            _factory.Value.Result.Dispose();
            Database.Dispose();
        }

        _server?.Dispose();
        Dir.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteSeededConsole() : SeededConsole(postgres: false);

public sealed class PostgresSeededConsole() : SeededConsole(postgres: true);
