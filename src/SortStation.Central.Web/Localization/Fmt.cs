using System.Globalization;

namespace SortStation.Central.Web.Localization;

/// <summary>Numbers as the reader writes them (the request's culture: 1,234.5 in English, 1.234,5 in Indonesian).</summary>
public static class Fmt
{
    private static CultureInfo C => CultureInfo.CurrentCulture;

    public static string Count(long value) => value.ToString("N0", C);

    public static string Kg(double value) => value.ToString("N1", C);

    public static string Kg(double? value) => value is { } v ? v.ToString("N3", C) : "—";

    public static string Percent(double fraction) => fraction.ToString("P1", C);

    public static string Confidence(double value) => value.ToString("N2", C);

    public static string Number(double value, int decimals) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), C);

    public static string Money(decimal value, string currency) => Localization.Money.Format(value, currency, C);

    public static string Money(decimal? value, string? currency) => Localization.Money.Format(value, currency, C);

    /// <summary>0–1000 for a &lt;meter&gt; of a share.</summary>
    public static string Share(long part, long whole) => whole == 0 ? "0" : (part * 1000 / whole).ToString(CultureInfo.InvariantCulture);
}
