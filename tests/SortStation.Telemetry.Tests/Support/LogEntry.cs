using Microsoft.Extensions.Logging;

namespace SortStation.Telemetry.Tests.Support;

public sealed record LogEntry(DateTimeOffset At, LogLevel Level, string Message);
