using System.CommandLine;
using SortStation.Central.Commands;

namespace SortStation.Central;

/// <summary>Root command of sortstation-central: offline `cluster`, the `run` service (with the console), `stats`, `stations`, `users`, `apikeys`.</summary>
public static class CentralCli
{
    public static RootCommand Create(TimeProvider timeProvider) => Create(timeProvider, null);

    /// <summary>As <see cref="Create(TimeProvider)"/>, with the password source of <c>users</c> given (tests).</summary>
    internal static RootCommand Create(TimeProvider timeProvider, Func<TextWriter, PasswordInput>? passwords)
    {
        var root = new RootCommand("SortStation central: station ingest, fleet clustering and offline analysis.");
        root.Subcommands.Add(ClusterCommand.Create(timeProvider));
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(StatsCommand.Create(timeProvider));
        root.Subcommands.Add(StationsCommand.Create(timeProvider));
        root.Subcommands.Add(UsersCommand.Create(timeProvider, passwords));
        root.Subcommands.Add(ApiKeysCommand.Create(timeProvider));
        root.Subcommands.Add(DemoCommand.Create());
        return root;
    }
}
