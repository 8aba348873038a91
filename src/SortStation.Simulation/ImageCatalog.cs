namespace SortStation.Simulation;

/// <summary>Labelled photos in a folder: the label is the name of the sub-folder a photo is in.</summary>
public sealed class ImageCatalog
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".bmp", ".webp" };

    private ImageCatalog(IReadOnlyList<(string Path, string Label)> images) => Images = images;

    public IReadOnlyList<(string Path, string Label)> Images { get; }

    /// <summary>Scans <paramref name="directory"/> recursively; order is stable (sorted by path).</summary>
    public static ImageCatalog Scan(string directory)
    {
        var images = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(p => Extensions.Contains(Path.GetExtension(p)))
            .Order(StringComparer.Ordinal)
            .Select(p => (p, Path.GetFileName(Path.GetDirectoryName(p)) ?? string.Empty))
            .ToArray();
        if (images.Length == 0)
        {
            throw new InvalidDataException($"{directory} holds no images (.jpg, .png, .bmp, .webp).");
        }

        return new ImageCatalog(images);
    }
}
