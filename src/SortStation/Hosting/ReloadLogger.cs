using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace SortStation.Hosting;

/// <summary>
/// Logs every configuration reload key by key (old → new), and says which changes take effect live and
/// which wait for a restart, so a technician editing /etc/sortstation/sortstation.json sees what happened.
/// </summary>
internal sealed class ReloadLogger(IConfiguration configuration, ILogger<ReloadLogger> log) : IHostedService, IDisposable
{
    // Read per item or watched: these apply without a restart. Everything else is read once at start.
    private static readonly string[] LivePrefixes =
    [
        "Sorting:MinConfidence", "Sorting:Routes:", "Pricing:", "Serilog:MinimumLevel:Default", "Model:", "Health:ItemStallSeconds",
    ];

    // Under a live prefix but read once at start: the classification worker threads are made then.
    private static readonly string[] RestartOnly = ["Model:Workers"];

    private static readonly string[] SecretWords = ["password", "secret", "token"];

    private Dictionary<string, string?> _last = [];
    private IDisposable? _watch;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _last = Flatten(configuration);
        _watch = ChangeToken.OnChange(configuration.GetReloadToken, OnReload);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _watch?.Dispose();

    internal static IReadOnlyList<(string Key, string? Old, string? New)> Diff(IReadOnlyDictionary<string, string?> old, IReadOnlyDictionary<string, string?> now) =>
        old.Keys.Union(now.Keys, StringComparer.OrdinalIgnoreCase)
            .Select(k => (Key: k, Old: old.GetValueOrDefault(k), New: now.GetValueOrDefault(k)))
            .Where(c => !string.Equals(c.Old, c.New, StringComparison.Ordinal))
            .OrderBy(c => c.Key, StringComparer.OrdinalIgnoreCase)
            .ToArray();

    internal static bool IsLive(string key) =>
        !RestartOnly.Contains(key, StringComparer.OrdinalIgnoreCase) && LivePrefixes.Any(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase))
        || key.Equals("Serilog:MinimumLevel", StringComparison.OrdinalIgnoreCase);

    private void OnReload()
    {
        var now = Flatten(configuration);
        var changes = Diff(_last, now);
        _last = now;
        if (changes.Count == 0)
        {
            log.LogDebug("Configuration reloaded: no value changed");
            return;
        }

        foreach (var (key, old, value) in changes)
        {
            if (IsLive(key))
            {
                log.LogWarning("Configuration reloaded: {Key}: {Old} → {New} (applied live)", key, Show(key, old), Show(key, value));
            }
            else
            {
                log.LogWarning("Configuration reloaded: {Key}: {Old} → {New} (takes effect after a restart: systemctl restart sortstation)", key, Show(key, old), Show(key, value));
            }
        }
    }

    private static Dictionary<string, string?> Flatten(IConfiguration configuration) =>
        configuration.AsEnumerable().Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);

    private static string Show(string key, string? value) =>
        value is null ? "(not set)"
        : SecretWords.Any(w => key.Contains(w, StringComparison.OrdinalIgnoreCase)) ? "(hidden)"
        : value;
}
