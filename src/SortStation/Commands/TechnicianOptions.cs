using System.CommandLine;
using SortStation.Core.Units;

namespace SortStation.Commands;

/// <summary>Options shared by the technician's commands.</summary>
internal static class TechnicianOptions
{
    public static Option<bool> Yes() => new("--yes", "-y") { Description = "Answer every prompt with yes / Enter (scripts, tests). Without it answers are read from standard input." };

    public static Option<Mass> KnownMass() => new("--known-mass")
    {
        Description = "The reference mass placed on the scale, e.g. 1.000kg or 500g.",
        Required = true,
        CustomParser = r =>
        {
            var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : string.Empty;
            try
            {
                var mass = Mass.Parse(text);
                if (mass.Kilograms > 0)
                {
                    return mass;
                }
            }
            catch (FormatException)
            {
            }

            r.AddError($"--known-mass {text}: not a positive mass; use e.g. 1.000kg or 500g.");
            return Mass.Zero;
        },
    };
}
