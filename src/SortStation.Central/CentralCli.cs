using System.CommandLine;
using SortStation.Central.Commands;

namespace SortStation.Central;

/// <summary>Root command of sortstation-central; add further commands (run, stats) here.</summary>
public static class CentralCli
{
    public static RootCommand Create(TimeProvider timeProvider)
    {
        var root = new RootCommand("SortStation central: offline analysis and (later) station ingest.");
        root.Subcommands.Add(ClusterCommand.Create(timeProvider));
        return root;
    }
}
