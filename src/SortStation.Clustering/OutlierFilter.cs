namespace SortStation.Clustering;

public enum OutlierFilter
{
    None,

    /// <summary>Tukey fences, see <see cref="IqrFilter"/>.</summary>
    Iqr,
}
