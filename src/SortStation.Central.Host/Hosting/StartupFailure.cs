using Microsoft.Extensions.Options;

namespace SortStation.Central.Hosting;

/// <summary>Turns a start failure into a message and the exit code (2 = configuration), never a stack trace.</summary>
public static class StartupFailure
{
    public const int Failed = 1;
    public const int ConfigError = 2;

    public static int Report(Exception exception, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(error);
        switch (exception)
        {
            case OptionsValidationException validation:
                error.WriteLine("Configuration error — sortstation-central was not started:");
                foreach (var failure in validation.Failures)
                {
                    error.WriteLine($"  {failure}");
                }

                return ConfigError;
            case AggregateException aggregate when aggregate.InnerExceptions.All(e => e is OptionsValidationException):
                return Report(new OptionsValidationException("configuration", typeof(object), aggregate.InnerExceptions.SelectMany(e => ((OptionsValidationException)e).Failures)), error);
            case FileNotFoundException or InvalidDataException:
            case InvalidOperationException when exception.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase) || exception.Message.Contains("convert", StringComparison.OrdinalIgnoreCase):
                error.WriteLine($"Configuration error: {exception.Message}");
                return ConfigError;
            default:
                error.WriteLine($"Start failed: {exception.Message}");
                return Failed;
        }
    }
}
