using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SortStation.Central.Hosting;
using SortStation.Central.Options;
using SortStation.Central.Stations;
using SortStation.Kernel.Hosting;
using SortStation.Kernel.Options;
using SortStation.Operations;

namespace SortStation.Central.Commands;

/// <summary>
/// <c>sortstation-central stations add | revoke | list</c>: a station's broker account (user name = station id,
/// password generated, hashed into mosquitto's password file), its registration in the central database, and
/// a broker reload. Run as root on the broker host (the password file and the signal need it).
/// </summary>
public static class StationsCommand
{
    private delegate Task<int> Action(StationProvisioner provisioner, ParseResult parse, CancellationToken ct);

    public static Command Create(TimeProvider time)
    {
        var command = new Command("stations", "Provision, revoke and list the stations allowed to send (broker credentials + registration).");
        var id = () => new Argument<string>("ID") { Description = "Station id = MQTT user name: 1-64 letters, digits, '-' or '_'." };

        var addId = id();
        var rotate = new Option<bool>("--rotate") { Description = "Issue a new password for a station that has one (the old one stops working)." };
        var acceptFrom = new Option<DateTimeOffset?>("--accept-from") { Description = "Accept weighings stamped from this time (UTC), e.g. a backlog made before registration. Default: now." };
        var passwordCopy = new Option<string?>("--password-file") { Description = "Where to write the new password for the station (mode 0600). Default: ./ID.mqtt-password." };
        command.Subcommands.Add(Sub("add", "Create the station's broker account and register it; prints the station's configuration.", [addId, rotate, acceptFrom, passwordCopy], true, time, (p, parse, ct) =>
        {
            var station = parse.GetValue(addId)!;
            return p.AddAsync(station, parse.GetValue(rotate), parse.GetValue(acceptFrom), parse.GetValue(passwordCopy) ?? $"{station}.mqtt-password", ct);
        }));

        var revokeId = id();
        command.Subcommands.Add(Sub("revoke", "Remove the station's broker account (it is disconnected) and revoke its registration.", [revokeId], true, time, (p, parse, ct) => p.RevokeAsync(parse.GetValue(revokeId)!, ct)));

        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        command.Subcommands.Add(Sub("list", "List registered stations and whether the broker has their account.", [json], false, time, (p, parse, ct) => p.ListAsync(parse.GetValue(json), ct)));
        return command;
    }

    private static Command Sub(string name, string description, Symbol[] symbols, bool changesBroker, TimeProvider time, Action action) =>
        AdminSubcommand.Create(name, description, symbols, async (configuration, parse, io, ct) =>
        {
            var broker = Broker(configuration, changesBroker);
            using var database = await CliDatabase.OpenAsync(configuration, time, ct);
            return await action(new StationProvisioner(broker, database.Stations, time, io.Output, io.Error), parse, ct);
        },
        ex => $"Permission denied ({ex.Message}): run it as root on the broker host (sudo sortstation-central stations {name} ...).");

    private static BrokerOptions Broker(IConfiguration configuration, bool validate)
    {
        var broker = new BrokerOptions();
        configuration.GetSection(BrokerOptions.Section).Bind(broker);
        var mqtt = new CentralMqttOptions();
        configuration.GetSection(CentralMqttOptions.Section).Bind(mqtt);
        string[] failures =
        [
            .. new BrokerOptionsValidator(mqtt.TopicPrefix).Validate(null, broker).Failures ?? [],
            .. new ConfigSchema([new ConfigSection(BrokerOptions.Section, typeof(BrokerOptions))]).UnknownKeys(configuration, BrokerOptions.Section),
        ];
        if (validate && failures.Length > 0)
        {
            throw new OptionsValidationException(BrokerOptions.Section, typeof(BrokerOptions), failures);
        }

        return broker;
    }
}
