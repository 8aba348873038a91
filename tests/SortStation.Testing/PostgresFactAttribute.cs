using Xunit;

namespace SortStation.Testing;

/// <summary>A fact reported as skipped, with the reason, only where no PostgreSQL server can be started.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.Unavailable() is { } reason)
        {
            Skip = $"PostgreSQL test skipped: {reason}";
        }
    }
}
