using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using SortStation.Core.Options;
using SortStation.Kernel.Options;

namespace SortStation.Hosting;

/// <summary>
/// Logs every configuration reload key by key (old → new), and says which changes take effect live and
/// which wait for a restart, so a technician editing /etc/sortstation/sortstation.json sees what happened.
/// Which keys are live comes from the options types themselves (<see cref="AppliedLiveAttribute"/>);
/// a key nothing reads is logged as an error with the closest known key.
/// </summary>
internal sealed class ReloadLogger(IConfiguration configuration, IEnumerable<ConfigSection> sections, ILogger<ReloadLogger> log) : IHostedService, IDisposable
{
    private static readonly string[] SecretWords = ["password", "secret", "token"];

    private readonly ConfigSchema _schema = new(sections);
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

    internal bool IsLive(string key) => _schema.Lookup(key).Live;

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
            var lookup = _schema.Lookup(key);
            if (!lookup.Known)
            {
                continue; // reported below, with its fix
            }

            if (lookup.Live)
            {
                log.LogWarning("Configuration reloaded: {Key}: {Old} → {New} (applied live)", key, Show(key, old), Show(key, value));
            }
            else
            {
                log.LogWarning("Configuration reloaded: {Key}: {Old} → {New} (takes effect after a restart: systemctl restart sortstation)", key, Show(key, old), Show(key, value));
            }
        }

        foreach (var error in _schema.UnknownKeys(configuration))
        {
            log.LogError("Configuration reloaded with a key nothing reads; it is ignored, and the station will refuse to start with it: {Error}", error);
        }
    }

    private static Dictionary<string, string?> Flatten(IConfiguration configuration) =>
        configuration.AsEnumerable().Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);

    private static string Show(string key, string? value) =>
        value is null ? "(not set)"
        : SecretWords.Any(w => key.Contains(w, StringComparison.OrdinalIgnoreCase)) ? "(hidden)"
        : value;
}
