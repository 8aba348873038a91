using SortStation.Core.Pipeline;
using SortStation.Kernel.Metrics;

namespace SortStation.Operations.Tests;

public sealed class PrometheusWriterTests
{
    [Fact]
    public void Counter_LabelWithQuoteBackslashNewline_IsEscaped()
    {
        var writer = new PrometheusWriter();

        writer.Counter("x_total", "X.", [MetricSample.Of(2, ("label", "a\"b\\c\nd"))]);

        Assert.Contains("x_total{label=\"a\\\"b\\\\c\\nd\"} 2\n", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Counter_Family_HasHelpAndTypeOnce()
    {
        var writer = new PrometheusWriter();

        writer.Counter("items_total", "Items.", [MetricSample.Of(1, ("bin", "a")), MetricSample.Of(2, ("bin", "b"))]);

        Assert.Equal("# HELP items_total Items.\n# TYPE items_total counter\nitems_total{bin=\"a\"} 1\nitems_total{bin=\"b\"} 2\n", writer.ToString());
    }

    [Fact]
    public void Histogram_Buckets_AreCumulativeWithInfSumAndCount()
    {
        var writer = new PrometheusWriter();

        writer.Histogram("lat_seconds", "Latency.", new HistogramSnapshot([0.1, 1], [2, 3, 1], 4.5, 6));

        var text = writer.ToString();
        Assert.Contains("lat_seconds_bucket{le=\"0.1\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("lat_seconds_bucket{le=\"1\"} 5\n", text, StringComparison.Ordinal);
        Assert.Contains("lat_seconds_bucket{le=\"+Inf\"} 6\n", text, StringComparison.Ordinal);
        Assert.Contains("lat_seconds_sum 4.5\nlat_seconds_count 6\n", text, StringComparison.Ordinal);
    }
}
