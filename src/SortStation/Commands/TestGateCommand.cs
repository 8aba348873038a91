using System.CommandLine;
using Microsoft.Extensions.Options;
using SortStation.Core.Devices;
using SortStation.Core.Options;
using SortStation.Kernel.Hosting;

namespace SortStation.Commands;

/// <summary><c>sortstation test-gate BIN [--times N]</c>: fires one gate on demand, with the e-stop respected.</summary>
internal static class TestGateCommand
{
    public static Command Create()
    {
        var bin = new Argument<string>("BIN") { Description = "The bin whose gate to fire (a key of Sorting:Bins)." };
        var times = new Option<int>("--times") { Description = "How many diversions.", DefaultValueFactory = _ => 1 };
        var interval = new Option<int>("--interval-ms") { Description = "Pause between diversions, milliseconds.", DefaultValueFactory = _ => 500 };
        var yes = TechnicianOptions.Yes();
        var config = CommonOptions.Config();
        var command = new Command("test-gate", "Fire the gate of BIN N times so its wiring, pulse and flap travel can be checked.") { bin, times, interval, yes, config };
        times.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 100)
            {
                r.AddError("--times must be between 1 and 100.");
            }
        });
        interval.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 60_000)
            {
                r.AddError("--interval-ms must be between 0 and 60000.");
            }
        });
        command.SetAction((parse, ct) => RunAsync(parse, parse.GetValue(bin)!, parse.GetValue(times), TimeSpan.FromMilliseconds(parse.GetValue(interval)), parse.GetValue(yes), parse.GetValue(config), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, string bin, int times, TimeSpan interval, bool yes, FileInfo? configFile, CancellationToken ct)
    {
        var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        using var host = TechnicianHost.TryOpen(configFile, error, out var exitCode);
        if (host is null)
        {
            return exitCode;
        }

        var sorting = host.Get<IOptions<SortingOptions>>().Value;
        if (!host.TryGet<IEnumerable<IGate>>(error, out var configured) || !host.TryGet<IInterlock>(error, out var interlock))
        {
            return ExitCodes.Failed;
        }

        var gates = configured.ToArray();
        var gate = gates.FirstOrDefault(g => string.Equals(g.Bin, bin, StringComparison.OrdinalIgnoreCase));
        if (gate is null)
        {
            var known = string.Join(", ", gates.Select(g => g.Bin));
            error.WriteLine(sorting.Bins.ContainsKey(bin) ? $"Bin '{bin}' has no gate (Gate = None). Gated bins: {known}." : $"No bin '{bin}' in Sorting:Bins. Gated bins: {known}.");
            return ExitCodes.ConfigError;
        }

        var o = sorting.Bins[bin];
        foreach (var g in gates)
        {
            g.EnterSafeState();
        }

        if (!new Prompt(yes, Console.In, output).Confirm($"The {o.Gate} gate of '{gate.Bin}' (GPIO {o.Pin}) will move {times} time(s). Keep hands clear of the belt. Go?"))
        {
            error.WriteLine("Not fired.");
            return ExitCodes.Failed;
        }

        try
        {
            for (var i = 1; i <= times; i++)
            {
                if (interlock.IsActive)
                {
                    error.WriteLine("E-stop is active: gate not fired. Release the e-stop and try again.");
                    return ExitCodes.Failed;
                }

                var started = TimeProvider.System.GetTimestamp();
                await gate.FireAsync(ct);
                var took = TimeProvider.System.GetElapsedTime(started);
                output.WriteLine($"  fire {i}/{times}: {o.Gate} on GPIO {o.Pin}, {o.PulseMilliseconds} ms configured, {took.TotalMilliseconds:F1} ms measured; state {gate.State}");
                if (i < times)
                {
                    await Task.Delay(interval, ct);
                }
            }
        }
        finally
        {
            gate.EnterSafeState();
        }

        output.WriteLine($"Gate '{gate.Bin}' fired {times} time(s) and is back in its safe state.");
        return ExitCodes.Ok;
    }
}
