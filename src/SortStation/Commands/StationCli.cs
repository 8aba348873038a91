using System.CommandLine;

namespace SortStation.Commands;

/// <summary>The <c>sortstation</c> command line.</summary>
public static class StationCli
{
    public static RootCommand Create() => new("SortStation: classify, weigh and sort items on a conveyor, and publish every weighing over MQTT.")
    {
        RunCommand.Create(),
        DemoCommand.Create(),
        ClassifyCommand.Create(),
        CheckConfigCommand.Create(),
        PinsCommand.Create(),
        SnapshotCommand.Create(),
        TareCommand.Create(),
        CalibrateScaleCommand.Create(),
        TestGateCommand.Create(),
    };
}
