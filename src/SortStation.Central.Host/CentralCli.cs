using System.CommandLine;
using SortStation.Central.Commands;

namespace SortStation.Central;

/// <summary>Root command of sortstation-central: offline `cluster`, the `run` service and `stats`.</summary>
public static class CentralCli
{
    public static RootCommand Create(TimeProvider timeProvider)
    {
        var root = new RootCommand("SortStation central: station ingest, fleet clustering and offline analysis.");
        root.Subcommands.Add(ClusterCommand.Create(timeProvider));
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(StatsCommand.Create(timeProvider));
        root.Subcommands.Add(StationsCommand.Create(timeProvider));
        return root;
    }
}
