using System.CommandLine;
using SortStation.Central.Demo;

namespace SortStation.Central.Commands;

/// <summary>
/// <c>sortstation-central demo</c>: the whole system on this machine (embedded broker, two simulated stations,
/// central with SQLite and the console). <c>scripts/demo.sh</c> builds everything and runs it; <c>sortstation
/// demo</c> stays the station-only demo.
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var items = new Option<int>("--items") { Description = "Items to sort, split between the two stations.", DefaultValueFactory = _ => 200 };
        var station = new Option<string>("--station") { Description = "The station binary: sortstation, or sortstation.dll (run with dotnet).", Required = true };
        var urls = new Option<string>("--urls") { Description = "Where the console listens.", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var exit = new Option<bool>("--exit") { Description = "Stop after the summary instead of keeping the console up until Ctrl+C." };
        var images = new Option<DirectoryInfo?>("--images") { Description = "Photo folder the simulated cameras replay (one sub-folder per label)." };
        var command = new Command("demo", "The whole system here: embedded broker, two simulated stations, central with SQLite and the web console.")
        {
            items, station, urls, exit, images,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(items) < 2)
            {
                r.AddError("--items must be at least 2 (one per station).");
            }

            if (r.GetValue(station) is { } path && !File.Exists(path))
            {
                r.AddError($"--station {path}: not found; build it (dotnet build src/SortStation -c Release) or run scripts/demo.sh.");
            }
        });
        command.SetAction((parse, ct) =>
        {
            var settings = new FleetDemoSettings(parse.GetValue(items), Path.GetFullPath(parse.GetValue(station)!), parse.GetValue(urls)!, parse.GetValue(exit), parse.GetValue(images));
            return new FleetDemo(settings, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error).RunAsync(ct);
        });
        return command;
    }
}
