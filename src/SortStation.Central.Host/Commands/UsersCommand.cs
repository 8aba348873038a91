using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SortStation.Central.Accounts;
using SortStation.Central.Hosting;
using SortStation.Central.Web.Auth;
using SortStation.Central.Web.Options;
using SortStation.Kernel.Hosting;

namespace SortStation.Central.Commands;

/// <summary>
/// <c>sortstation-central users add NAME --role ROLE | list | remove NAME | set-password NAME</c>: the console's
/// accounts in the central database. Passwords are read from standard input (<see cref="PasswordInput"/>), never argv.
/// </summary>
public static class UsersCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(TimeProvider time, Func<TextWriter, PasswordInput>? passwords = null)
    {
        var read = passwords ?? PasswordInput.FromConsole;
        var command = new Command("users", "Console users: add, list, remove, set-password (roles admin, operator, viewer).");
        var addName = Name();
        var role = Role();
        command.Subcommands.Add(Sub("add", "Add a user; the password is read from standard input.", [addName, role], time, async (accounts, parse, io, ct) =>
        {
            if (read(io.Output).Read(out var problem) is not { } password)
            {
                return Fail(io, problem!);
            }

            _ = ConsoleRoles.TryParse(parse.GetValue(role), out var parsed);
            var error = await accounts.AddUserAsync(parse.GetValue(addName)!, parsed, password, ct);
            return error is null ? Ok(io, $"user {parse.GetValue(addName)} added ({parsed.Name()})") : Fail(io, error);
        }));

        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        command.Subcommands.Add(Sub("list", "List users (never their password hashes).", [json], time, async (accounts, parse, io, ct) =>
        {
            var users = await accounts.Store.ListUsersAsync(ct);
            var rows = users.Select(u => new { name = u.Name, role = u.Role.Name(), createdAt = u.CreatedAt, lastLoginAt = u.LastLoginAt, lockedUntil = u.LockedUntil }).ToList();
            await io.Output.WriteLineAsync(parse.GetValue(json)
                ? JsonSerializer.Serialize(rows, Json)
                : string.Join(Environment.NewLine, rows.Select(r => $"{r.name,-24} {r.role,-9} created {r.createdAt:yyyy-MM-dd HH:mm}Z{(r.lockedUntil > time.GetUtcNow() ? $"  locked until {r.lockedUntil:HH:mm}Z" : string.Empty)}").DefaultIfEmpty("(no users: sortstation-central users add NAME --role admin)")));
            return 0;
        }));

        var removeName = Name();
        command.Subcommands.Add(Sub("remove", "Remove a user (its sessions end at once).", [removeName], time, async (accounts, parse, io, ct) =>
            await accounts.Store.RemoveUserAsync(parse.GetValue(removeName)!, ct) ? Ok(io, $"user {parse.GetValue(removeName)} removed") : Fail(io, $"there is no user named {parse.GetValue(removeName)}")));

        var passwordName = Name();
        command.Subcommands.Add(Sub("set-password", "Set a user's password from standard input (ends its sessions, clears a lock-out).", [passwordName], time, async (accounts, parse, io, ct) =>
        {
            if (read(io.Output).Read(out var problem) is not { } password)
            {
                return Fail(io, problem!);
            }

            var error = await accounts.SetPasswordAsync(parse.GetValue(passwordName)!, password, ct);
            return error is null ? Ok(io, $"password of {parse.GetValue(passwordName)} set") : Fail(io, error);
        }));
        return command;
    }

    internal static Argument<string> Name() => new("NAME") { Description = "1-64 letters, digits, '.', '_', '-' or '@'." };

    internal static Option<string> Role()
    {
        var role = new Option<string>("--role") { Description = "admin, operator or viewer.", Required = true };
        role.AcceptOnlyFromAmong([.. ConsoleRoles.Names]);
        return role;
    }

    internal static int Ok(InvocationConfiguration io, string message)
    {
        io.Output.WriteLine(message);
        return 0;
    }

    internal static int Fail(InvocationConfiguration io, string problem)
    {
        io.Error.WriteLine($"error: {problem}");
        return StartupFailure.Failed;
    }

    internal delegate Task<int> Action(AccountService accounts, ParseResult parse, InvocationConfiguration io, CancellationToken ct);

    internal static Command Sub(string name, string description, Symbol[] symbols, TimeProvider time, Action action) =>
        AdminSubcommand.Create(name, description, symbols, async (configuration, parse, io, ct) =>
        {
            var web = configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
            using var database = await CliDatabase.OpenAsync(configuration, time, ct);
            return await action(new AccountService(database.Accounts, Microsoft.Extensions.Options.Options.Create(web), time), parse, io, ct);
        });
}
