namespace SortStation.Clustering.Tests;

/// <summary>
/// A fact that is reported as Skipped (with the reason) when the published example data is absent,
/// so a missing data folder is visible in the test summary instead of passing silently.
/// </summary>
public sealed class PublishedSampleFactAttribute : FactAttribute
{
    public PublishedSampleFactAttribute()
    {
        if (PublishedSample.Path is null)
        {
            Skip = $"Published example data not found ({PublishedSample.Searched}); set SORTSTATION_CLUSTERING_DATA or check out ../shared/data/clustering/.";
        }
    }
}
