using System.CommandLine;
using System.Net;
using SortStation.Demo;
using SortStation.Kernel.Hosting;

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
                : Invalid<Uri>(r, $"--broker {r.Tokens[0].Value}: use mqtt://host:port, e.g. mqtt://localhost:1883."),
        };
        var images = new Option<DirectoryInfo?>("--images") { Description = "Replay labelled photos from this folder (one sub-folder per label) instead of synthetic frames." };
        var interval = new Option<int?>("--interval-ms") { Description = "Milliseconds between items (default: Simulation:ItemIntervalMilliseconds)." };
        var listen = new Option<IPAddress?>("--listen")
        {
            Description = "Address the embedded broker listens on (default 127.0.0.1: this machine only), e.g. 0.0.0.0 to let another machine subscribe.",
            CustomParser = r => IPAddress.TryParse(r.Tokens[0].Value, out var address)
                ? address
                : Invalid<IPAddress>(r, $"--listen {r.Tokens[0].Value}: use an IP address, e.g. 127.0.0.1 or 0.0.0.0."),
        };
        var json = CommonOptions.Json();
        var config = CommonOptions.Config();
        var command = new Command("demo", "Sort N simulated items end to end (camera, model, scale, gates, MQTT) and print a summary.")
        {
            items, broker, images, interval, listen, json, config,
        };
        command.SetAction((parse, ct) => parse.GetValue(items) < 1
            ? UsageError("--items must be at least 1.")
            : new DemoRunner(
            parse.GetValue(items),
            parse.GetValue(broker),
            parse.GetValue(images),
            parse.GetValue(interval),
            parse.GetValue(config),
            parse.GetValue(listen)).RunAsync(parse.GetValue(json), Console.Out, Console.Error, ct));
        return command;
    }

    private static T? Invalid<T>(System.CommandLine.Parsing.ArgumentResult result, string message)
        where T : class
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
