using Microsoft.Extensions.Options;

namespace SortStation.Kernel.Hosting;

/// <summary>
/// Turns a failed start of either service into a message a technician can act on and the documented exit
/// code: 2 for anything the configuration caused (a rule, an unknown key, a value the binder cannot
/// convert, a missing or unreadable file), 1 otherwise; never a stack trace.
/// </summary>
public static class StartupFailure
{
    public const int Failed = ExitCodes.Failed;
    public const int ConfigError = ExitCodes.ConfigError;

    /// <param name="exception">What the start threw.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="notStarted">What did not happen, e.g. "the station was not started and no gate was energised".</param>
    public static int Report(Exception exception, TextWriter error, string notStarted)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(error);
        IReadOnlyList<Exception> causes = exception is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [exception];
        if (!causes.All(IsConfiguration))
        {
            error.WriteLine($"Start failed: {causes.First(c => !IsConfiguration(c)).Message}");
            return Failed;
        }

        error.WriteLine($"Configuration error — {notStarted}:");
        foreach (var line in causes.SelectMany(c => c is OptionsValidationException v ? v.Failures : [Describe(c)]))
        {
            error.WriteLine($"  {line}");
        }

        return ConfigError;
    }

    /// <summary>The binder's "Failed to convert …", followed by the converter's own reason where it gives a fix (e.g. "auto" or a number).</summary>
    private static string Describe(Exception exception) =>
        exception is InvalidOperationException { InnerException: FormatException inner } && inner.Message.Contains("Fix:", StringComparison.Ordinal)
            ? $"{exception.Message} {inner.Message}"
            : exception.Message;

    /// <summary>
    /// Rules and unknown keys (options validation), unreadable model or configuration files, and binder
    /// failures: a word where a number belongs is a FormatException, or the binder's InvalidOperationException
    /// "Failed to convert configuration value …" around one.
    /// </summary>
    public static bool IsConfiguration(Exception exception) => exception switch
    {
        OptionsValidationException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException or FormatException => true,
        InvalidOperationException when exception.InnerException is FormatException or OverflowException => true,
        InvalidOperationException => exception.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase)
            || exception.Message.Contains("convert", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
