using Microsoft.Extensions.Configuration;
using SortStation.Core.Options;
using SortStation.Kernel.Options;

namespace SortStation.Kernel.Tests;

/// <summary>Unknown keys are errors naming the key, where it came from and the closest known key.</summary>
public sealed class ConfigSchemaTests : IDisposable
{
    private static readonly ConfigSchema Schema = new(
    [
        new ConfigSection(SortingOptions.Section, typeof(SortingOptions)),
        new ConfigSection(PricingOptions.Section, typeof(PricingOptions)),
        new ConfigSection(BeltOptions.Section, typeof(BeltOptions)),
        new ConfigSection("Serilog", null, ["MinimumLevel:Default"]),
        new ConfigSection("Shapes", typeof(Shapes)),
    ]);

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"sortstation-schema-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void UnknownKeys_MistypedKeyInFile_NamesKeyValueFileAndSuggestion()
    {
        var error = Assert.Single(Schema.UnknownKeys(FromFile("""{ "Sorting": { "MinConfidense": 0.99 } }""")));

        Assert.StartsWith("Sorting:MinConfidense = \"0.99\": is not a known key (in " + _file + ")", error, StringComparison.Ordinal);
        Assert.Contains("did you mean MinConfidence? Rename it to Sorting:MinConfidence", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKeys_MistypedPropertyOfABin_SuggestedWithItsFullKey()
    {
        var error = Assert.Single(Schema.UnknownKeys(FromFile("""{ "Sorting": { "Bins": { "glass": { "Pinn": 27, "DistanceMeters": 0.6 } } } }""")));

        Assert.Contains("Sorting:Bins:glass:Pinn = \"27\"", error, StringComparison.Ordinal);
        Assert.Contains("Rename it to Sorting:Bins:glass:Pin,", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKeys_AnyLabelBinOrPriceName_Accepted()
    {
        var configuration = FromFile("""
            { "Sorting": { "Routes": { "battery": "hazard" }, "Bins": { "hazard": { "Gate": "Relay", "Pin": 5 } } },
              "Pricing": { "PerKg": { "battery": 100 } } }
            """);

        Assert.Empty(Schema.UnknownKeys(configuration));
    }

    [Fact]
    public void UnknownKeys_MistypedSection_ReportedOnceWithSuggestion()
    {
        var error = Assert.Single(Schema.UnknownKeys(FromFile("""{ "Sortng": { "MinConfidence": 0.9, "RejectBin": "x" } }""")));

        Assert.StartsWith("Sortng = (a section): is not a known section", error, StringComparison.Ordinal);
        Assert.Contains("did you mean Sorting?", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKeys_NothingClose_ListsTheKnownKeys()
    {
        var error = Assert.Single(Schema.UnknownKeys(FromFile("""{ "Belt": { "Length": 3 } }""")));

        Assert.Contains("Fix: remove it, or use one of the keys of Belt: ", error, StringComparison.Ordinal);
        Assert.Contains("SpeedMetersPerSecond", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKeys_EnvironmentVariable_NamesTheVariable()
    {
        var prefix = $"SSTEST{Guid.NewGuid():N}__";
        Environment.SetEnvironmentVariable(prefix + "Belt__SpeedMeterPerSecond", "0.4");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();

            var error = Assert.Single(Schema.UnknownKeys(configuration));

            Assert.Contains($"(from the environment variable {prefix}Belt__SpeedMeterPerSecond)", error, StringComparison.Ordinal);
            Assert.Contains("did you mean SpeedMetersPerSecond?", error, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Belt__SpeedMeterPerSecond", null);
        }
    }

    [Fact]
    public void UnknownKeys_FreeFormSection_LeftToItsOwner()
    {
        Assert.Empty(Schema.UnknownKeys(FromFile("""{ "Serilog": { "WriteTo": [ { "Name": "Console" } ], "Anything": 1 } }""")));
    }

    [Fact]
    public void UnknownKeys_KeyUnderASingleValue_Reported()
    {
        var error = Assert.Single(Schema.UnknownKeys(FromFile("""{ "Belt": { "SpeedMetersPerSecond": { "Value": 0.5 } } }""")));

        Assert.Contains("Belt:SpeedMetersPerSecond:Value", error, StringComparison.Ordinal);
        Assert.Contains("Belt:SpeedMetersPerSecond is a single value", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKeys_ComputedPropertyListIndexAndNestedObject_AsTheBinderSeesThem()
    {
        var configuration = FromFile("""
            { "Shapes": { "Twice": 4, "Names": [ "a", "b" ], "Inner": { "Depth": 2, "Deepth": 3 }, "Kept": { "Depth": 1 } } }
            """);

        var errors = Schema.UnknownKeys(configuration);

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Shapes:Inner:Deepth", StringComparison.Ordinal) && e.Contains("did you mean Depth?", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Shapes:Twice", StringComparison.Ordinal)); // get-only: the binder ignores it
    }

    [Fact]
    public void Lookup_MemorySource_SaysTheCommandSetIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Belt:Sped"] = "1" }).Build();

        Assert.Contains("(set by the command itself)", Assert.Single(Schema.UnknownKeys(configuration)), StringComparison.Ordinal);
    }

    private IConfiguration FromFile(string json)
    {
        File.WriteAllText(_file, json);
        return new ConfigurationBuilder().AddJsonFile(_file).Build();
    }

    private sealed class Shapes
    {
        public int Once { get; set; }

        public int Twice => Once * 2;

        public List<string> Names { get; } = [];

        public Level Inner { get; set; } = new();

        public Level Kept { get; } = new();
    }

    private sealed class Level
    {
        public int Depth { get; set; }
    }
}
