using System.Globalization;
using SortStation.Contracts;

namespace SortStation.Central.Ingest;

/// <summary>
/// Field rules of a weighing: text trimmed, printable and within its column width; numbers in range; the
/// value consistent with weight × unit price. Returns the trimmed record or the first failure.
/// </summary>
internal static class WeighingFieldRules
{
    public static (WeighingRecord? Record, (string Reason, string Error)? Failure) Check(WeighingRecord r)
    {
        (string Field, string? Text)[] texts = [("label", r.Label), ("bin", r.Bin), ("reason", r.Reason), ("model", r.Model), ("currency", r.Currency), .. (r.Top ?? []).Select(t => ("top", t?.Label))];
        if (texts.FirstOrDefault(t => t.Text is not null && !PrintableText.IsPrintable(t.Text)) is { Text: { } bad } field)
        {
            // The value goes into the log as is: MalformedLog escapes it.
            return Fail(RejectReason.ControlCharacters, $"{field.Field} \"{(bad.Length > 40 ? bad[..40] + "…" : bad)}\" holds unprintable characters (control, format or line-break)");
        }

        var label = r.Label?.Trim();
        var bin = r.Bin?.Trim();
        var reason = r.Reason?.Trim();
        var model = r.Model?.Trim();
        var currency = r.Currency?.Trim();
        var failure = Text(RejectReason.Label, label, IngestLimits.MaxLabelLength)
            ?? Top(r.Top)
            ?? Text(RejectReason.Bin, bin, IngestLimits.MaxBinLength)
            ?? Text(RejectReason.Reason, reason, IngestLimits.MaxReasonLength)
            ?? Text(RejectReason.Model, model, IngestLimits.MaxModelLength)
            ?? Currency(currency)
            ?? Numbers(r);
        if (failure is not null)
        {
            return (null, failure);
        }

        return (r with
        {
            Label = label!,
            Bin = bin!,
            Reason = reason!,
            Model = model!,
            Currency = currency,
            Top = [.. r.Top!.Select(t => t with { Label = t.Label.Trim() })],
        }, null);
    }

    private static (string, string)? Text(string field, string? value, int max) =>
        string.IsNullOrEmpty(value) || value.Length > max ? (field, $"{field} must be 1–{max} characters (after trimming)") : null;

    private static (string, string)? Currency(string? currency) =>
        currency is null || (currency.Length == 3 && currency.All(char.IsAsciiLetterUpper))
            ? null
            : (RejectReason.Currency, $"currency \"{currency}\" is not a three-letter ISO 4217 code");

    private static (string, string)? Top(IReadOnlyList<LabelScore>? top)
    {
        if (top is null || top.Count > IngestLimits.MaxTopEntries || top.Any(t => t is null || !(t.Confidence is >= 0 and <= 1)))
        {
            return (RejectReason.Top, $"top must list at most {IngestLimits.MaxTopEntries} labels with confidences 0–1");
        }

        return top.Select(t => Text(RejectReason.Top, t.Label?.Trim(), IngestLimits.MaxLabelLength)).FirstOrDefault(f => f is not null);
    }

    private static (string, string)? Numbers(WeighingRecord r)
    {
        if (!(r.Confidence is >= 0 and <= 1))
        {
            return (RejectReason.Confidence, $"confidence {r.Confidence} is outside 0–1");
        }

        if (r.WeightKg is { } w && !(w is >= 0 and <= IngestLimits.MaxWeightKg))
        {
            return (RejectReason.Weight, $"weightKg {w} is outside 0–{IngestLimits.MaxWeightKg}");
        }

        if (r.UnitPrice is < 0 or > IngestLimits.MaxMoney || r.Value is < 0 or > IngestLimits.MaxMoney)
        {
            return (RejectReason.Price, $"unitPrice and value must be 0–{IngestLimits.MaxMoney}");
        }

        return Value(r);
    }

    /// <summary>
    /// The station sends value = weightKg × unitPrice rounded to Pricing:Decimals (away from zero), from the
    /// weight before it is rounded to 0.1 g for the record. So the value may differ from the product of the
    /// fields by half a unit of its last decimal plus 0.05 g × unit price, and no more.
    /// </summary>
    private static (string, string)? Value(WeighingRecord r)
    {
        if (r.WeightKg is not { } w || r.UnitPrice is not { } price)
        {
            return r.Value is null ? null : (RejectReason.ValueMismatch, "value is set but weightKg or unitPrice is null");
        }

        if (r.Value is not { } value)
        {
            return (RejectReason.ValueMismatch, "value is null but weightKg and unitPrice are set");
        }

        var expected = (decimal)w * price;
        var decimals = value.Scale;
        var tolerance = (0.5m / Pow10(decimals)) + (price * IngestLimits.WeightQuantumKg / 2);
        return Math.Abs(value - expected) <= tolerance
            ? null
            : (RejectReason.ValueMismatch, string.Create(CultureInfo.InvariantCulture, $"value {value} is not weightKg {w} × unitPrice {price} = {expected} (rounded)"));
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }

    private static (WeighingRecord?, (string, string)?) Fail(string reason, string error) => (null, (reason, error));
}
