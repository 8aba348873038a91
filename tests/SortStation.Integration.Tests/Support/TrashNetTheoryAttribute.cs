namespace SortStation.Integration.Tests.Support;

/// <summary>A theory that is reported as skipped, with the reason, where ../shared/data/trashnet is absent.</summary>
public sealed class TrashNetTheoryAttribute : TheoryAttribute
{
    public TrashNetTheoryAttribute()
    {
        if (!Directory.Exists(RepoPaths.TrashNet))
        {
            Skip = $"TrashNet photos not found at {RepoPaths.TrashNet} (set SORTSTATION_SHARED_DATA to the shared data folder).";
        }
    }
}
