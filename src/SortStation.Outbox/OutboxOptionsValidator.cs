using Microsoft.Extensions.Options;
using SortStation.Core.Options;
using SortStation.Kernel.Options;

namespace SortStation.Outbox;

/// <summary>Rules of <see cref="OutboxOptions"/>.</summary>
public sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    private const long MinBytes = 64 * 1024;
    private const int MaxGroupCommitMilliseconds = 100;
    private const int MaxRetrySeconds = 300;
    private const int MaxHeld = 1_000_000;

    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ConfigErrors();
        if (!Enum.IsDefined(options.Kind))
        {
            errors.Add("Outbox:Kind", options.Kind.ToString(), "is not an outbox kind.", "use Sqlite (durable) or Memory (tests only).");
        }

        if (options.Kind == OutboxKind.Sqlite && string.IsNullOrWhiteSpace(options.Path))
        {
            errors.Add("Outbox:Path", options.Path, "is empty, so weighings have nowhere durable to go.", "use state/outbox.db.");
        }
        else if (options.Kind == OutboxKind.Sqlite && OutboxPathCheck.Problem(options.Path) is { } problem)
        {
            errors.Add("Outbox:Path", options.Path, problem, "point it at a file in a folder the service user can write (under systemd: state/outbox.db in /var/lib/sortstation, owned by sortstation).");
        }

        if (options.MaxRows < 1)
        {
            errors.Add("Outbox:MaxRows", options.MaxRows, "must be at least 1.", "use 1000000 (about a week of a busy belt).");
        }

        if (options.MaxBytes != 0 && options.MaxBytes < MinBytes)
        {
            errors.Add("Outbox:MaxBytes", options.MaxBytes, $"must be 0 (no byte limit) or at least {MinBytes}.", "use 536870912 (512 MiB).");
        }

        if (options.GroupCommitMilliseconds is < 0 or > MaxGroupCommitMilliseconds)
        {
            errors.Add("Outbox:GroupCommitMilliseconds", options.GroupCommitMilliseconds, $"must be 0 to {MaxGroupCommitMilliseconds}: the sorting loop holds at most {Core.Pipeline.SortingLoop.MaxCommitsInFlight} uncommitted items.", "use 10 (0 commits every weighing on its own).");
        }

        if (!Enum.IsDefined(options.WhenFull))
        {
            errors.Add("Outbox:WhenFull", options.WhenFull.ToString(), "is not a policy.", "use RejectNewest or DropOldest.");
        }

        if (!Enum.IsDefined(options.OnWriteFailure))
        {
            errors.Add("Outbox:OnWriteFailure", options.OnWriteFailure.ToString(), "is not a policy.", "use SoftStop (stop sorting until weighings can be committed again) or Continue (keep sorting, count the lost ones).");
        }

        if (options.RetrySeconds is < 1 or > MaxRetrySeconds)
        {
            errors.Add("Outbox:RetrySeconds", options.RetrySeconds, $"must be 1 to {MaxRetrySeconds} s.", "use 5.");
        }

        if (options.MaxHeldInMemory is < 0 or > MaxHeld)
        {
            errors.Add("Outbox:MaxHeldInMemory", options.MaxHeldInMemory, $"must be 0 to {MaxHeld} weighings (about 0.5 KB each).", "use 10000.");
        }

        return errors.ToResult();
    }
}
