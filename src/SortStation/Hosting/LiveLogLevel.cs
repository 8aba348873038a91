using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;
using Serilog.Core;
using Serilog.Events;

namespace SortStation.Hosting;

/// <summary>
/// Serilog's minimum level, following Serilog:MinimumLevel:Default (or Serilog:MinimumLevel) on every
/// configuration reload: ReadFrom.Configuration reads it once, so a technician's edit would otherwise
/// wait for a restart. An unreadable value keeps the current level.
/// </summary>
internal sealed class LiveLogLevel : IDisposable
{
    private readonly IConfiguration _configuration;
    private readonly IDisposable _watch;

    public LiveLogLevel(IConfiguration configuration)
    {
        _configuration = configuration;
        Switch = new LoggingLevelSwitch(Read(configuration) ?? LogEventLevel.Information);
        _watch = ChangeToken.OnChange(configuration.GetReloadToken, Apply);
    }

    /// <summary>The keys under Serilog this class applies live.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["MinimumLevel:Default", "MinimumLevel"];

    public LoggingLevelSwitch Switch { get; }

    public void Dispose() => _watch.Dispose();

    internal static LogEventLevel? Read(IConfiguration configuration)
    {
        var value = configuration["Serilog:MinimumLevel:Default"] ?? configuration["Serilog:MinimumLevel"];
        return Enum.TryParse<LogEventLevel>(value, ignoreCase: true, out var level) ? level : null;
    }

    private void Apply()
    {
        if (Read(_configuration) is { } level && level != Switch.MinimumLevel)
        {
            Switch.MinimumLevel = level;
        }
    }
}
