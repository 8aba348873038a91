namespace SortStation.Central.Commands;

/// <summary>
/// A password for <c>users add</c> / <c>set-password</c>, never from argv (it would show in ps and the shell's
/// history): typed twice without echo on a terminal, or the first line of standard input when piped
/// (<c>printf '%s\n' "$pw" | sortstation-central users add …</c>).
/// </summary>
public sealed class PasswordInput(TextReader input, bool interactive, TextWriter prompt)
{
    public static PasswordInput FromConsole(TextWriter prompt) => new(Console.In, !Console.IsInputRedirected, prompt);

    /// <summary>The password, or null with the reason in <paramref name="problem"/>.</summary>
    public string? Read(out string? problem)
    {
        problem = null;
        if (!interactive)
        {
            var line = input.ReadLine();
            problem = line is null ? "no password on standard input (pipe one line, or run it on a terminal)" : null;
            return line;
        }

        var first = ReadHidden("Password: ");
        var second = ReadHidden("Repeat the password: ");
        if (!string.Equals(first, second, StringComparison.Ordinal))
        {
            problem = "the two passwords differ";
            return null;
        }

        return first;
    }

    private string ReadHidden(string text)
    {
        prompt.Write(text);
        var chars = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                prompt.WriteLine();
                return chars.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                chars.Length = Math.Max(0, chars.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                chars.Append(key.KeyChar);
            }
        }
    }
}
