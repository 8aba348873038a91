using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace SortStation.Central.Tests;

public sealed class ClusterCommandTests : IDisposable
{
    private const string Header = "item_type,weight_kg,unit_price\n";
    private readonly string _dir = Directory.CreateTempSubdirectory("sortstation-cluster-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Invoke_ValidCsv_PrintsElbowAndClusters()
    {
        var (code, stdout, _) = await Run("cluster", "--input", WriteCsv(Blobs()), "--k-range", "2-5");

        Assert.Equal(0, code);
        Assert.Contains("| 5 |", stdout, StringComparison.Ordinal);
        Assert.Contains("Chosen k = ", stdout, StringComparison.Ordinal);
        Assert.Contains("high value", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_Json_ContainsIssueFieldsAndBadRowLines()
    {
        var csv = WriteCsv(Blobs() + "BAD,abc,1\nSHORT,1\n");

        var (code, stdout, stderr) = await Run("cluster", "--input", csv, "--json", "--k", "3", "--scale", "minmax");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal(3, root.GetProperty("chosenK").GetInt32());
        Assert.Equal("minmax", root.GetProperty("scaling").GetProperty("method").GetString());
        var dropped = root.GetProperty("dropped").GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("kind").GetString())).ToList();
        Assert.Equal([(62, "invalid"), (63, "malformed")], dropped);
        Assert.Equal(3, root.GetProperty("clusters").GetArrayLength());
        Assert.Contains("2 row(s) skipped", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_KAndKRangeTogether_UsageError()
    {
        var (code, _, stderr) = await Run("cluster", "--input", WriteCsv(Blobs()), "--k", "3", "--k-range", "2-4");

        Assert.NotEqual(0, code);
        Assert.Contains("either --k or --k-range", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_MissingFile_ExitCode1WithMessage()
    {
        var (code, _, stderr) = await Run("cluster", "--input", Path.Combine(_dir, "nope.csv"));

        Assert.Equal(1, code);
        Assert.Contains("nope.csv", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_Report_WritesPngsAndDatedMarkdown()
    {
        var report = Path.Combine(_dir, "report");

        var (code, _, _) = await Run("cluster", "--input", WriteCsv(Blobs()), "--report", report, "--dedupe", "--outliers", "iqr");

        Assert.Equal(0, code);
        foreach (var png in new[] { "elbow.png", "silhouette.png", "clusters.png" })
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(report, png));
            Assert.True(bytes.Length > 1000, png);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        }

        var md = await File.ReadAllTextAsync(Path.Combine(report, "summary.md"));
        Assert.Contains("Generated 2026-05-15 08:00 UTC", md, StringComparison.Ordinal);
        Assert.Contains("![Elbow](elbow.png)", md, StringComparison.Ordinal);
    }

    private static string Blobs()
    {
        // 60 deterministic rows in three weighing-like groups: light/cheap, pricey, bulky.
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < 60; i++)
        {
            var (w, p) = (i % 3) switch
            {
                0 => (2 + (i % 7), 1500 + (i * 10)),
                1 => (0.2 + (i % 2 * 0.1), 60000 + (i * 100)),
                _ => (120 + (i % 11), 900 + (i % 5 * 20)),
            };
            sb.Append(FormattableString.Invariant($"T{i},{w},{p}\n"));
        }

        return sb.ToString();
    }

    private string WriteCsv(string body)
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, Header + body);
        return path;
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 15, 8, 0, 0, TimeSpan.Zero));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        var code = await CentralCli.Create(time).Parse(args).InvokeAsync(config, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
