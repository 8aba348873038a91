using System.Globalization;

namespace SortStation.Core.Units;

/// <summary>A mass, stored in kilograms. Keeps units out of <c>double</c> parameters.</summary>
public readonly record struct Mass(double Kilograms) : IComparable<Mass>
{
    public static Mass Zero { get; } = new(0);

    public double Grams => Kilograms * 1000.0;

    public static Mass FromKilograms(double kilograms) => new(kilograms);

    public static Mass FromGrams(double grams) => new(grams / 1000.0);

    public static Mass operator +(Mass left, Mass right) => new(left.Kilograms + right.Kilograms);

    public static Mass operator -(Mass left, Mass right) => new(left.Kilograms - right.Kilograms);

    public static bool operator <(Mass left, Mass right) => left.Kilograms < right.Kilograms;

    public static bool operator >(Mass left, Mass right) => left.Kilograms > right.Kilograms;

    public static bool operator <=(Mass left, Mass right) => left.Kilograms <= right.Kilograms;

    public static bool operator >=(Mass left, Mass right) => left.Kilograms >= right.Kilograms;

    public int CompareTo(Mass other) => Kilograms.CompareTo(other.Kilograms);

    /// <summary>Parses "1.000kg", "250 g" or a bare number of kilograms.</summary>
    public static Mass Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().ToLowerInvariant();
        var (number, factor) = t.EndsWith("kg", StringComparison.Ordinal) ? (t[..^2], 1.0)
            : t.EndsWith('g') ? (t[..^1], 0.001)
            : (t, 1.0);
        return new Mass(double.Parse(number.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture) * factor);
    }

    public override string ToString() => Kilograms.ToString("0.000", CultureInfo.InvariantCulture) + " kg";
}
