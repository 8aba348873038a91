namespace SortStation.Clustering;

public enum ScalingMethod
{
    /// <summary>Features are clustered in original units.</summary>
    None,

    /// <summary>z-score with the population standard deviation (scikit-learn StandardScaler).</summary>
    Standard,

    /// <summary>Linear map of each feature to [0, 1] (scikit-learn MinMaxScaler).</summary>
    MinMax,
}
