using System.CommandLine;
using Microsoft.Extensions.Configuration;
using SortStation.Central.Hosting;
using SortStation.Kernel.Hosting;

namespace SortStation.Central.Commands;

/// <summary>
/// A CLI subcommand of the central's administration commands (<c>users</c>, <c>api-keys</c>, <c>stations</c>): its own
/// <c>--config</c>, the command's arguments and options, the configuration layered, and any
/// failure reported with an exit code and "nothing was changed" instead of a stack trace.
/// </summary>
internal static class AdminSubcommand
{
    internal delegate Task<int> Action(IConfiguration configuration, ParseResult parse, InvocationConfiguration io, CancellationToken ct);

    /// <param name="permissionDenied">
    /// When set, an <see cref="UnauthorizedAccessException"/> prints this hint (given the exception) and fails instead
    /// of being reported as any other error.
    /// </param>
    internal static Command Create(string name, string description, Symbol[] symbols, Action action, Func<UnauthorizedAccessException, string>? permissionDenied = null)
    {
        var config = ConfigOption.Create();
        var command = new Command(name, description) { config };
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument: command.Arguments.Add(argument); break;
                case Option option: command.Options.Add(option); break;
            }
        }

        command.SetAction(async (parse, ct) =>
        {
            var io = parse.InvocationConfiguration;
            try
            {
                var configuration = CentralConfiguration.Build(parse.GetValue(config));
                return await action(configuration, parse, io, ct);
            }
            catch (UnauthorizedAccessException ex) when (permissionDenied is not null)
            {
                await io.Error.WriteLineAsync(permissionDenied(ex));
                return StartupFailure.Failed;
            }
#pragma warning disable CA1031 // Reported with an exit code, not a stack trace.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                return StartupFailure.Report(ex, io.Error, "nothing was changed");
            }
        });
        return command;
    }
}
