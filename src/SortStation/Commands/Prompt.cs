namespace SortStation.Commands;

/// <summary>
/// Questions and guided steps that also work without a terminal: --yes answers them all, otherwise one line
/// is read from standard input (so a script can pipe the answers); end of input means no.
/// </summary>
internal sealed class Prompt(bool yes, TextReader input, TextWriter output)
{
    /// <summary>Asks a yes/no question; true only for y/yes (or --yes).</summary>
    public bool Confirm(string question)
    {
        output.Write($"{question} [y/N] ");
        if (yes)
        {
            output.WriteLine("yes (--yes)");
            return true;
        }

        var answer = input.ReadLine()?.Trim();
        output.WriteLine();
        return answer is not null && (answer.Equals("y", StringComparison.OrdinalIgnoreCase) || answer.Equals("yes", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Shows an instruction and waits for Enter; false when input ended (the step was not confirmed).</summary>
    public bool Step(string instruction)
    {
        output.Write($"{instruction} Press Enter when done. ");
        if (yes)
        {
            output.WriteLine("(--yes)");
            return true;
        }

        var line = input.ReadLine();
        output.WriteLine();
        return line is not null;
    }
}
