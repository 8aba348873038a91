using SortStation.Kernel.Options;

namespace SortStation.Simulation;

/// <summary>
/// The bundled <c>samples/</c> folder: 48 TrashNet photos (one sub-folder per label, MIT, see its README) that the
/// simulated belt replays when no Simulation:ImagesDirectory is given, so the demo sorts real photos.
/// </summary>
public static class SampleImages
{
    public const string Folder = "samples";

    /// <summary>The samples folder (working directory first, then the install directory), or null when absent.</summary>
    public static string? Locate() => AppPaths.Resolve(Folder) is { } path && Directory.Exists(path) ? path : null;
}
