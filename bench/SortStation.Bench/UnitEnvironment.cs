namespace SortStation.Bench;

/// <summary>
/// The runtime settings (<c>Environment=DOTNET_…</c>) of systemd/sortstation.service, so the memory
/// scenario runs the station as systemd does.
/// </summary>
internal static class UnitEnvironment
{
    public static IReadOnlyDictionary<string, string> Read()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var unit = Path.Combine(dir.FullName, "systemd", "sortstation.service");
            if (!File.Exists(unit))
            {
                continue;
            }

            foreach (var line in File.ReadLines(unit).Where(l => l.StartsWith("Environment=", StringComparison.Ordinal)))
            {
                foreach (var pair in line["Environment=".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var parts = pair.Split('=', 2);
                    if (parts.Length == 2 && parts[0].StartsWith("DOTNET_GC", StringComparison.Ordinal))
                    {
                        result[parts[0]] = parts[1];
                    }
                }
            }

            break;
        }

        return result;
    }
}
