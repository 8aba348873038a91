using System.ComponentModel;
using System.Globalization;

namespace SortStation.Core.Options;

/// <summary>
/// <c>Model:Workers</c> or <c>Model:IntraOpThreads</c>: a number, or <c>auto</c> (the default) for the entry of
/// <see cref="ThreadDefaults"/> that matches the machine's cores. In code an <see cref="int"/> converts to it.
/// </summary>
[TypeConverter(typeof(ThreadCountConverter))]
public readonly record struct ThreadCount
{
    private ThreadCount(int value) => Value = value;

    /// <summary>Chosen from the cores at start (<see cref="ThreadDefaults"/>).</summary>
    public static ThreadCount Auto => default;

    public bool IsAuto => Value == 0 && !Explicit;

    /// <summary>The number set; 0 for <see cref="Auto"/>.</summary>
    public int Value { get; }

    // Distinguishes an explicit 0 (refused by the validator) from auto.
    private bool Explicit { get; init; }

    public static implicit operator ThreadCount(int value) => FromInt32(value);

    public static ThreadCount FromInt32(int value) => new(value) { Explicit = true };

    public static ThreadCount Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return Auto;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? FromInt32(n)
            : throw new FormatException($"'{text}' is neither a whole number nor auto. Fix: write a number of threads (e.g. 1) or \"auto\".");
    }

    public override string ToString() => IsAuto ? "auto" : Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Lets the configuration binder read "auto" or a number.</summary>
public sealed class ThreadCountConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || sourceType == typeof(int) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) => value switch
    {
        string s => ThreadCount.Parse(s),
        int n => ThreadCount.FromInt32(n),
        _ => base.ConvertFrom(context, culture, value),
    };

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is ThreadCount t ? t.ToString() : base.ConvertTo(context, culture, value, destinationType);
}
