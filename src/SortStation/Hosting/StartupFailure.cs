using Microsoft.Extensions.Options;
using SortStation.Commands;

namespace SortStation.Hosting;

/// <summary>Turns a failed start into a message a technician can act on and the documented exit code.</summary>
internal static class StartupFailure
{
    public static int Report(Exception exception, TextWriter error)
    {
        switch (exception)
        {
            case OptionsValidationException validation:
                error.WriteLine("Configuration error — the station was not started and no gate was energised:");
                foreach (var failure in validation.Failures)
                {
                    error.WriteLine($"  {failure}");
                }

                return ExitCodes.ConfigError;
            case AggregateException aggregate when aggregate.InnerExceptions.All(e => e is OptionsValidationException):
                return Report(new OptionsValidationException("configuration", typeof(object), aggregate.InnerExceptions.SelectMany(e => ((OptionsValidationException)e).Failures)), error);
            case FileNotFoundException or InvalidDataException or FormatException or InvalidOperationException when IsConfiguration(exception):
                error.WriteLine($"Configuration error: {exception.Message}");
                return ExitCodes.ConfigError;
            default:
                error.WriteLine($"Start failed: {exception.Message}");
                return ExitCodes.Failed;
        }
    }

    // Binder failures (a word where a number belongs) and unreadable model/config files are configuration errors.
    private static bool IsConfiguration(Exception exception) =>
        exception is FileNotFoundException or InvalidDataException
        || exception.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase)
        || exception.Message.Contains("convert", StringComparison.OrdinalIgnoreCase);
}
