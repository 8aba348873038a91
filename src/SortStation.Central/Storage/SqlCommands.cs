using System.Data.Common;

namespace SortStation.Central.Storage;

/// <summary>Builds commands with named parameters in the same way for both providers.</summary>
internal static class SqlCommands
{
#pragma warning disable CA2100 // Constant SQL of this assembly; values always go through parameters.
    public static DbCommand Create(DbConnection connection, DbTransaction? tx, string sql, IReadOnlyList<string> parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = DBNull.Value;
            command.Parameters.Add(p);
        }

        return command;
    }

    /// <summary>A command with its parameters already set (no transaction).</summary>
    public static DbCommand Create(DbConnection connection, string sql, IEnumerable<(string Name, object Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }

        return command;
    }
#pragma warning restore CA2100
}
