using System.Globalization;

namespace SortStation.Central.Web.Localization;

/// <summary>
/// Money in the console's currency with the reader's number format: IDR as "Rp 1.234.567" (id) or
/// "Rp 1,234,567" (en), with no decimals because the rupiah has no minor unit in use (ISO 4217 lists 2, but no
/// price or payout is made in sen); other currencies with their code and their usual decimals.
/// </summary>
public static class Money
{
    private static readonly Dictionary<string, int> Decimals = new(StringComparer.Ordinal)
    {
        ["IDR"] = 0, ["JPY"] = 0, ["KRW"] = 0, ["VND"] = 0, ["CLP"] = 0, ["ISK"] = 0, ["UGX"] = 0, ["PYG"] = 0,
    };

    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal) { ["IDR"] = "Rp" };

    public static int DecimalsOf(string currency) => Decimals.GetValueOrDefault(currency, 2);

    public static string Format(decimal value, string currency, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var digits = DecimalsOf(currency);
        var amount = Math.Round(value, digits, MidpointRounding.AwayFromZero).ToString("N" + digits.ToString(CultureInfo.InvariantCulture), culture);
        return $"{Symbols.GetValueOrDefault(currency, currency)} {amount}";
    }

    public static string Format(decimal? value, string? currency, CultureInfo culture) =>
        value is { } v && currency is not null ? Format(v, currency, culture) : "—";
}
