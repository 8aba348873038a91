using System.Security.Cryptography;

namespace SortStation.Vision;

/// <summary>The short content hash of a model, as logged when a model is loaded or swapped.</summary>
public static class ModelHash
{
    /// <summary>
    /// First 12 hex digits (as git shortens commits) of the SHA-256 over the files' bytes one after the other:
    /// for a model, model.onnx, then metadata.json and labels.txt where they exist, since the temperature and the
    /// label order change what a record says as much as the weights do. A technician reproduces it with
    /// <c>cat model.onnx metadata.json labels.txt | sha256sum</c>.
    /// </summary>
    public static string Of(params IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        foreach (var path in paths)
        {
            using var stream = File.OpenRead(path);
            for (int read; (read = stream.Read(buffer)) > 0;)
            {
                hash.AppendData(buffer, 0, read);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
