using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace SortStation.Kernel.Options;

/// <summary>
/// Marker options whose only rule is that the configuration holds no key nothing reads: a mistyped key
/// (<c>MinConfidense</c>) would otherwise leave the default silently in force. Validated at start with
/// every other section, so the errors are reported together (exit code 2).
/// </summary>
public sealed class StrictConfiguration;

/// <summary>
/// Checks the whole configuration against the registered <see cref="ConfigSection"/>s. Hand-rolled rather
/// than the binder's <c>ErrorOnUnknownConfiguration</c>: that stops at the first key, names no file and
/// suggests nothing, and cannot see a mistyped section name at all.
/// </summary>
internal sealed class StrictConfigurationValidator(IConfiguration configuration, IEnumerable<ConfigSection> sections) : IValidateOptions<StrictConfiguration>
{
    public ValidateOptionsResult Validate(string? name, StrictConfiguration options)
    {
        var errors = new ConfigSchema(sections).UnknownKeys(configuration);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
