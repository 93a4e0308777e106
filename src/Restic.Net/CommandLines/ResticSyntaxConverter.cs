using System.ComponentModel;
using System.Globalization;

namespace Restic.Net.CommandLines;

/// <summary>
/// Converts a value in restic's syntax from and to a string, so that configuration binding
/// (<c>"ReadDataSubset": "5%"</c>) and other <see cref="TypeDescriptor"/> users read the typed values.
/// </summary>
/// <typeparam name="T">The value type; its <c>Parse</c> throws <see cref="FormatException"/> on bad input.</typeparam>
internal sealed class ResticSyntaxConverter<T> : TypeConverter
    where T : IParsable<T>
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override bool CanConvertTo(ITypeDescriptorContext? context, Type? destinationType) =>
        destinationType == typeof(string) || base.CanConvertTo(context, destinationType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text ? T.Parse(text, CultureInfo.InvariantCulture) : base.ConvertFrom(context, culture, value);

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is T typed ? typed.ToString() : base.ConvertTo(context, culture, value, destinationType);
}
