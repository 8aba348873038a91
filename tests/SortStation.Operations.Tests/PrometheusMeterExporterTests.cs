using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace SortStation.Operations.Tests;

/// <summary>The host's Meter instruments as Prometheus text, through prometheus-net.</summary>
public sealed class PrometheusMeterExporterTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly PrometheusMeterExporter _exporter;
    private readonly Meter _meter;

    public PrometheusMeterExporterTests()
    {
        _services = new ServiceCollection().AddMetrics().AddSingleton<PrometheusMeterExporter>().BuildServiceProvider();
        _exporter = _services.GetRequiredService<PrometheusMeterExporter>();
        _meter = _services.GetRequiredService<IMeterFactory>().Create("SortStation.Test");
    }

    [Fact]
    public async Task WriteAsync_Counter_StaysACounterWithItsLabelsInOrder()
    {
        var items = _meter.CreateCounter<long>("items_total", description: "Items.");
        items.Add(2, Tag("label", "glass"), Tag("bin", "glass"));
        items.Add(1, Tag("label", "paper"), Tag("bin", "fibre"));

        var text = await TextAsync();

        Assert.Contains("# HELP items_total Items.\n# TYPE items_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("items_total{label=\"glass\",bin=\"glass\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("items_total{label=\"paper\",bin=\"fibre\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_LabelValueWithQuoteBackslashNewline_IsEscaped()
    {
        _meter.CreateCounter<long>("x_total", description: "X.").Add(2, Tag("label", "a\"b\\c\nd"));

        Assert.Contains("x_total{label=\"a\\\"b\\\\c\\nd\"} 2\n", await TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_ObservableCounter_ReportsTheTotalNotASum()
    {
        long total = 5;
        _meter.CreateObservableCounter("stored_total", () => total, description: "Stored.");
        await TextAsync();
        total = 7;

        Assert.Contains("stored_total 7\n", await TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_ObservableGaugeNoLongerReportsASeries_TheSeriesIsGone()
    {
        var model = "a@1";
        _meter.CreateObservableGauge("model_info", () => new Measurement<int>(1, Tag("model", model)), description: "Model.");
        Assert.Contains("model_info{model=\"a@1\"} 1", await TextAsync(), StringComparison.Ordinal);

        model = "b@2";
        var text = await TextAsync();

        Assert.Contains("model_info{model=\"b@2\"} 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("a@1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_Histogram_CumulativeBucketsFromTheInstrumentsAdvice()
    {
        var latency = _meter.CreateHistogram("lat_seconds", "s", "Latency.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 1] });
        latency.Record(0.05);
        latency.Record(0.5);
        latency.Record(3);

        var text = await TextAsync();

        Assert.Contains("# TYPE lat_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.Contains("lat_seconds_bucket{le=\"0.1\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("lat_seconds_bucket{le=\"1\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("lat_seconds_bucket{le=\"+Inf\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("lat_seconds_count 3\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_MeterOfAnotherHost_NotExported()
    {
        using var other = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var foreign = other.GetRequiredService<IMeterFactory>().Create("SortStation.Test");
        foreign.CreateCounter<long>("foreign_total").Add(1);
        using var global = new Meter("SortStation.Test");
        global.CreateCounter<long>("global_total").Add(1);

        var text = await TextAsync();

        Assert.DoesNotContain("foreign_total", text, StringComparison.Ordinal);
        Assert.DoesNotContain("global_total", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_FrameworkMeterOfTheSameFactory_NotExported()
    {
        // ASP.NET Core creates its meters through the host's factory too; their dotted names are not Prometheus names.
        // Exporting them failed on every request (an exception thrown and traced per request): they are not listened to.
        using var faults = new StringWriter();
        using var trace = new System.Diagnostics.TextWriterTraceListener(faults);
        System.Diagnostics.Trace.Listeners.Add(trace);
        using var hosting = _services.GetRequiredService<IMeterFactory>().Create("Microsoft.AspNetCore.Hosting");
        try
        {
            hosting.CreateUpDownCounter<long>("http.server.active_requests").Add(1, Tag("http.request.method", "GET"));
        }
        finally
        {
            System.Diagnostics.Trace.Listeners.Remove(trace);
        }

        _meter.CreateCounter<long>("own_total").Add(1);
        var text = await TextAsync();

        Assert.DoesNotContain("http.server", faults.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("http", text, StringComparison.Ordinal);
        Assert.Contains("own_total 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_TwoInstrumentsOfOneName_TheCallerNeverSeesTheExportFault()
    {
        _meter.CreateCounter<long>("twice_total").Add(1, Tag("bin", "glass"));
        var second = _meter.CreateHistogram<double>("twice_total");

        second.Record(1); // prometheus-net refuses a second family of that name; the sorting loop must not notice

        Assert.Contains("twice_total{bin=\"glass\"} 1", await TextAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => _services.Dispose();

    private static KeyValuePair<string, object?> Tag(string name, string value) => KeyValuePair.Create(name, (object?)value);

    private async Task<string> TextAsync()
    {
        using var buffer = new MemoryStream();
        await _exporter.WriteAsync(buffer, default);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
