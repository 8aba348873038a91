using System.CommandLine;
using SortStation.Demo;

namespace SortStation.Commands;

/// <summary><c>sortstation demo</c>: N items through the whole loop on simulated hardware.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var items = new Option<int>("--items") { Description = "Items to sort.", DefaultValueFactory = _ => 50 };
        var broker = new Option<Uri?>("--broker")
        {
            Description = "Publish to this broker (mqtt://host:port) instead of an embedded one.",
            CustomParser = r => Uri.TryCreate(r.Tokens[0].Value, UriKind.Absolute, out var uri) && uri.Scheme is "mqtt" or "mqtts" && uri.Port > 0
                ? uri
                : Invalid(r, $"--broker {r.Tokens[0].Value}: use mqtt://host:port, e.g. mqtt://localhost:1883."),
        };
        var images = new Option<DirectoryInfo?>("--images") { Description = "Replay labelled photos from this folder (one sub-folder per label) instead of synthetic frames." };
        var interval = new Option<int?>("--interval-ms") { Description = "Milliseconds between items (default: Simulation:ItemIntervalMilliseconds)." };
        var json = CommonOptions.Json();
        var config = CommonOptions.Config();
        var command = new Command("demo", "Sort N simulated items end to end (camera, model, scale, gates, MQTT) and print a summary.")
        {
            items, broker, images, interval, json, config,
        };
        command.SetAction((parse, ct) => parse.GetValue(items) < 1
            ? UsageError("--items must be at least 1.")
            : new DemoRunner(
            parse.GetValue(items),
            parse.GetValue(broker),
            parse.GetValue(images),
            parse.GetValue(interval),
            parse.GetValue(config)).RunAsync(parse.GetValue(json), Console.Out, Console.Error, ct));
        return command;
    }

    private static Uri? Invalid(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return null;
    }

    private static Task<int> UsageError(string message)
    {
        Console.Error.WriteLine(message);
        return Task.FromResult(ExitCodes.ConfigError);
    }
}
