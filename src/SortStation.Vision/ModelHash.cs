using System.Security.Cryptography;

namespace SortStation.Vision;

/// <summary>The short content hash of a model file, as logged when a model is loaded or swapped.</summary>
public static class ModelHash
{
    /// <summary>First 12 hex digits of the file's SHA-256 (as git shortens commits): enough to tell two builds apart.</summary>
    public static string Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream))[..12];
    }
}
