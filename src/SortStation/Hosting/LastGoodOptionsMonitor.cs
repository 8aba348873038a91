using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SortStation.Hosting;

/// <summary>
/// <see cref="IOptionsMonitor{TOptions}"/> that survives a bad live edit: when a reloaded section fails its
/// rules (say Sorting:MinConfidence = 5), the error is logged with its fix once and the last valid value
/// stays in use. The stock monitor would throw on every read instead, failing every item on the belt.
/// At start there is no last valid value, so invalid configuration still stops the start (exit 2).
/// </summary>
internal sealed class LastGoodOptionsMonitor<TOptions> : IOptionsMonitor<TOptions>, IDisposable
    where TOptions : class
{
    private readonly OptionsMonitor<TOptions> _inner;
    private readonly ILogger _log;
    private readonly Dictionary<string, TOptions> _lastGood = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private string? _lastRefusal;

    public LastGoodOptionsMonitor(IOptionsFactory<TOptions> factory, IEnumerable<IOptionsChangeTokenSource<TOptions>> sources, IOptionsMonitorCache<TOptions> cache, ILoggerFactory logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        _inner = new OptionsMonitor<TOptions>(factory, sources, cache);
        _log = logs.CreateLogger("SortStation.Hosting.ConfigurationReload");
    }

    public TOptions CurrentValue => Get(Options.DefaultName);

    public TOptions Get(string? name)
    {
        name ??= Options.DefaultName;
        try
        {
            var value = _inner.Get(name);
            lock (_gate)
            {
                _lastGood[name] = value;
                if (_lastRefusal is not null)
                {
                    _lastRefusal = null;
                    _log.LogWarning("Configuration of {Options} is valid again and applied", typeof(TOptions).Name);
                }
            }

            return value;
        }
        catch (OptionsValidationException ex)
        {
            lock (_gate)
            {
                if (!_lastGood.TryGetValue(name, out var good))
                {
                    throw;
                }

                if (_lastRefusal != ex.Message)
                {
                    _lastRefusal = ex.Message;
                    _log.LogError("Configuration change refused, the last valid {Options} stays in use: {Errors}", typeof(TOptions).Name, string.Join(" | ", ex.Failures));
                }

                return good;
            }
        }
    }

    public IDisposable? OnChange(Action<TOptions, string?> listener) => _inner.OnChange(listener);

    public void Dispose() => _inner.Dispose();
}
