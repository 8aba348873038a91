using SortStation.Core.Options;

namespace SortStation.Core.Tests.Options;

public sealed class LabelCoverageTests
{
    private static readonly string[] Labels = ["glass", "metal", "plastic"];

    [Fact]
    public void Check_EveryLabelRoutedAndPriced_NoFinding()
    {
        Assert.Empty(LabelCoverage.Check("m@1", Labels, Sorting("glass", "metal", "plastic"), Pricing("glass", "metal", "plastic")));
    }

    [Fact]
    public void Check_LabelWithoutRouteOrPrice_EachNamedWithWhatHappensToIt()
    {
        var findings = LabelCoverage.Check("m@1", Labels, Sorting("glass", "metal"), Pricing("glass", "plastic"));

        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.StartsWith("Sorting:Routes:plastic = (not set): model m@1 has the label 'plastic' but no route", StringComparison.Ordinal) && f.Contains("reject bin 'reject'", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.StartsWith("Pricing:PerKg:metal = (not set): model m@1 has the label 'metal' but no price", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_RouteAndPriceForALabelTheModelLacks_ReportedWithClosestLabel()
    {
        var findings = LabelCoverage.Check("m@1", Labels, Sorting("glass", "metal", "plastic", "platic"), Pricing("glass", "metal", "plastic", "battery"));

        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.StartsWith("Sorting:Routes:platic = \"bin-platic\": model m@1 has no label 'platic'", StringComparison.Ordinal) && f.Contains("did you mean plastic?", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.StartsWith("Pricing:PerKg:battery = 1000", StringComparison.Ordinal) && f.Contains("use one of the model's labels: glass, metal, plastic", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_LabelCaseDiffers_CountsAsTheSameLabelAsRoutingDoes()
    {
        Assert.Empty(LabelCoverage.Check("m@1", Labels, Sorting("Glass", "METAL", "plastic"), Pricing("glass", "Metal", "PLASTIC")));
    }

    private static SortingOptions Sorting(params string[] routed)
    {
        var options = new SortingOptions();
        foreach (var label in routed)
        {
            options.Routes[label] = "bin-" + label;
        }

        return options;
    }

    private static PricingOptions Pricing(params string[] priced)
    {
        var options = new PricingOptions();
        foreach (var label in priced)
        {
            options.PerKg[label] = 1000;
        }

        return options;
    }
}
