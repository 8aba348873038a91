namespace SortStation.Clustering;

public sealed record CleaningResult(Dataset Dataset, CleaningReport Report);
