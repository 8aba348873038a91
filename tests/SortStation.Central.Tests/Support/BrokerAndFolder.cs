namespace SortStation.Central.Tests.Support;

/// <summary>
/// A real mosquitto and a temp folder for one test class. Disposal stops the broker first, then releases
/// pooled SQLite handles so the folder (and the store file in it) can be removed.
/// </summary>
public sealed class BrokerAndFolder(MosquittoBroker broker) : IDisposable
{
    public BrokerAndFolder()
        : this(MosquittoBroker.Run())
    {
    }

    public TempDir Dir { get; } = new();

    public MosquittoBroker Broker { get; } = broker;

    public void Dispose()
    {
        Broker.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Dir.Dispose();
    }
}
