using System.Globalization;
using System.Text;
using SortStation.Kernel.Metrics;

namespace SortStation.Operations;

/// <summary>
/// Prometheus text exposition format 0.0.4: per family one HELP and TYPE line, then its samples;
/// label values escaped (backslash, quote, newline); histograms as cumulative _bucket, _sum, _count.
/// </summary>
public sealed class PrometheusWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly StringBuilder _text = new();

    public void Counter(string name, string help, double value) => Family(name, help, "counter", [MetricSample.Of(value)]);

    public void Counter(string name, string help, IEnumerable<MetricSample> samples) => Family(name, help, "counter", samples);

    public void Gauge(string name, string help, double value) => Family(name, help, "gauge", [MetricSample.Of(value)]);

    public void Gauge(string name, string help, IEnumerable<MetricSample> samples) => Family(name, help, "gauge", samples);

    public void Histogram(string name, string help, HistogramSnapshot histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        Header(name, help, "histogram");
        long cumulative = 0;
        for (var i = 0; i < histogram.Counts.Count; i++)
        {
            cumulative += histogram.Counts[i];
            var le = i < histogram.BoundsSeconds.Count ? Number(histogram.BoundsSeconds[i]) : "+Inf";
            Line(name + "_bucket", [KeyValuePair.Create("le", le)], cumulative);
        }

        Line(name + "_sum", [], histogram.SumSeconds);
        Line(name + "_count", [], histogram.Count);
    }

    public override string ToString() => _text.ToString();

    private void Family(string name, string help, string type, IEnumerable<MetricSample> samples)
    {
        Header(name, help, type);
        foreach (var sample in samples)
        {
            Line(name, sample.Labels, sample.Value);
        }
    }

    private void Header(string name, string help, string type)
    {
        _text.Append("# HELP ").Append(name).Append(' ').Append(help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
        _text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
    }

    private void Line(string name, IReadOnlyList<KeyValuePair<string, string>> labels, double value)
    {
        _text.Append(name);
        if (labels.Count > 0)
        {
            _text.Append('{');
            for (var i = 0; i < labels.Count; i++)
            {
                _text.Append(i == 0 ? string.Empty : ",").Append(labels[i].Key).Append("=\"").Append(Escape(labels[i].Value)).Append('"');
            }

            _text.Append('}');
        }

        _text.Append(' ').Append(Number(value)).Append('\n');
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
