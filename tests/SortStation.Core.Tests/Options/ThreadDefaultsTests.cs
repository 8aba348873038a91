using Microsoft.Extensions.Configuration;
using SortStation.Core.Options;

namespace SortStation.Core.Tests.Options;

public sealed class ThreadDefaultsTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2, 2, 1)]
    [InlineData(3, 1, 2)]
    [InlineData(4, 1, 3)]
    [InlineData(7, 1, 3)]
    [InlineData(8, 2, 3)]
    public void Resolve_BothAuto_TableEntryForTheCores(int cores, int workers, int threads)
    {
        Assert.Equal((workers, threads), ThreadDefaults.Resolve(new ModelOptions(), cores));
    }

    [Fact]
    public void Resolve_ThreadsSetWorkersAuto_WorkersLoweredToFitTheCores()
    {
        // An older configuration that set only IntraOpThreads 2 keeps running as 1 × 2 on two cores.
        Assert.Equal((1, 2), ThreadDefaults.Resolve(new ModelOptions { IntraOpThreads = 2 }, cores: 2));
        Assert.Equal((2, 1), ThreadDefaults.Resolve(new ModelOptions { IntraOpThreads = 1 }, cores: 2));
    }

    [Fact]
    public void Resolve_WorkersSetThreadsAuto_TheTablesBudgetShared()
    {
        Assert.Equal((1, 2), ThreadDefaults.Resolve(new ModelOptions { Workers = 1 }, cores: 2));
        Assert.Equal((3, 1), ThreadDefaults.Resolve(new ModelOptions { Workers = 3 }, cores: 4));
    }

    [Fact]
    public void Resolve_BothSet_AsSet()
    {
        Assert.Equal((2, 2), ThreadDefaults.Resolve(new ModelOptions { Workers = 2, IntraOpThreads = 2 }, cores: 2));
    }

    [Fact]
    public void Describe_Auto_SaysSoAndTheCores()
    {
        Assert.Equal("2 worker(s) × 1 intra-op thread(s) (auto on 2 cores)", ThreadDefaults.Describe(new ModelOptions(), 2));
        Assert.Equal("1 worker(s) × 2 intra-op thread(s)", ThreadDefaults.Describe(new ModelOptions { Workers = 1, IntraOpThreads = 2 }, 2));
    }

    [Theory]
    [InlineData("auto", true, 0)]
    [InlineData("AUTO", true, 0)]
    [InlineData("3", false, 3)]
    [InlineData("0", false, 0)]
    public void Bind_AutoOrNumber_Read(string text, bool auto, int value)
    {
        var options = Bind(text);

        Assert.Equal(auto, options.IntraOpThreads.IsAuto);
        Assert.Equal(value, options.IntraOpThreads.Value);
    }

    [Fact]
    public void Bind_Word_FormatExceptionNamingBothForms()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Bind("two"));

        var format = Assert.IsType<FormatException>(ex.InnerException);
        Assert.Contains("auto", format.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_NotSet_Auto()
    {
        var options = new ConfigurationBuilder().Build().GetSection("Model").Get<ModelOptions>() ?? new ModelOptions();

        Assert.True(options.Workers.IsAuto);
        Assert.True(options.IntraOpThreads.IsAuto);
    }

    private static ModelOptions Bind(string threads)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Model:IntraOpThreads"] = threads }).Build();
        var options = new ModelOptions();
        configuration.GetSection("Model").Bind(options);
        return options;
    }
}
