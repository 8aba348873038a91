namespace SortStation.Telemetry.Tests.Support;

/// <summary>A fact reported as skipped, with the reason, where a tiny tmpfs cannot be mounted (not root).</summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute()
    {
        if (TinyTmpfs.WhyUnavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
