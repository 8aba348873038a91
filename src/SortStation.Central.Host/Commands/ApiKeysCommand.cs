using System.CommandLine;
using System.Text.Json;
using SortStation.Central.Accounts;
using SortStation.Central.Web.Auth;

namespace SortStation.Central.Commands;

/// <summary>
/// <c>sortstation-central apikeys add NAME --role ROLE | list | remove NAME</c>: keys for machine clients of the
/// console's API (header X-Api-Key). The key is printed once; only its SHA-256 is stored.
/// </summary>
public static class ApiKeysCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(TimeProvider time)
    {
        var command = new Command("apikeys", "API keys for machine clients: add (printed once), list, remove.");
        var addName = UsersCommand.Name();
        var role = UsersCommand.Role();
        command.Subcommands.Add(UsersCommand.Sub("add", "Create a key; it is printed once, keep it secret.", [addName, role], time, async (accounts, parse, io, ct) =>
        {
            var name = parse.GetValue(addName)!;
            if (!AccountName.IsValid(name))
            {
                return UsersCommand.Fail(io, AccountName.Rule);
            }

            _ = ConsoleRoles.TryParse(parse.GetValue(role), out var parsed);
            var (key, account) = ApiKeys.Create(name, parsed, time.GetUtcNow());
            if (!await accounts.Store.AddApiKeyAsync(account, ct))
            {
                return UsersCommand.Fail(io, $"a key named {name} exists already (remove it first to replace it)");
            }

            await io.Error.WriteLineAsync($"API key {name} ({parsed.Name()}) created; it is shown only now. Send it as header {ApiKeys.Header}.");
            await io.Output.WriteLineAsync(key);
            return 0;
        }));

        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        command.Subcommands.Add(UsersCommand.Sub("list", "List keys (names and roles; never the keys).", [json], time, async (accounts, parse, io, ct) =>
        {
            var keys = (await accounts.Store.ListApiKeysAsync(ct)).Select(k => new { name = k.Name, role = k.Role.Name(), createdAt = k.CreatedAt, lastUsedAt = k.LastUsedAt }).ToList();
            await io.Output.WriteLineAsync(parse.GetValue(json)
                ? JsonSerializer.Serialize(keys, Json)
                : string.Join(Environment.NewLine, keys.Select(k => $"{k.name,-24} {k.role,-9} created {k.createdAt:yyyy-MM-dd HH:mm}Z").DefaultIfEmpty("(no API keys)")));
            return 0;
        }));

        var removeName = UsersCommand.Name();
        command.Subcommands.Add(UsersCommand.Sub("remove", "Remove a key (requests with it fail at once).", [removeName], time, async (accounts, parse, io, ct) =>
            await accounts.Store.RemoveApiKeyAsync(parse.GetValue(removeName)!, ct) ? UsersCommand.Ok(io, $"API key {parse.GetValue(removeName)} removed") : UsersCommand.Fail(io, $"there is no key named {parse.GetValue(removeName)}")));
        return command;
    }
}
