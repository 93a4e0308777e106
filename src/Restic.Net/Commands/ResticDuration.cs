using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Restic.Net.CommandLines;

namespace Restic.Net;

/// <summary>
/// A duration in restic's calendar units (<c>forget --keep-within*</c>): years, months, days and hours, such as
/// <c>1y6m</c>. A <see cref="TimeSpan"/> cannot hold it: restic counts a month back on the calendar, not as a
/// number of days. <see cref="ToString"/> gives restic's syntax, which <see cref="Parse(string)"/> reads back.
/// </summary>
/// <remarks>
/// Every part is at least 0 and at least one is above 0: restic 0.19 refuses a zero duration.
/// <see langword="default"/> is no duration: passing it throws <see cref="ArgumentException"/>.
/// </remarks>
[TypeConverter(typeof(ResticSyntaxConverter<ResticDuration>))]
public readonly struct ResticDuration : IEquatable<ResticDuration>, IParsable<ResticDuration>
{
    /// <summary>Creates a duration of years, months, days and hours.</summary>
    /// <param name="years">Years, at least 0.</param>
    /// <param name="months">Months, at least 0.</param>
    /// <param name="days">Days, at least 0.</param>
    /// <param name="hours">Hours, at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A part is negative.</exception>
    /// <exception cref="ArgumentException">Every part is 0.</exception>
    public ResticDuration(int years, int months, int days, int hours)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(years);
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfNegative(hours);
        if ((years | months | days | hours) == 0)
        {
            throw new ArgumentException("A duration needs at least one part above 0 (restic 0.19 refuses a zero duration).", nameof(years));
        }

        Years = years;
        Months = months;
        Days = days;
        Hours = hours;
    }

    /// <summary>The years (restic's <c>y</c>).</summary>
    public int Years { get; }

    /// <summary>The months (restic's <c>m</c>).</summary>
    public int Months { get; }

    /// <summary>The days (restic's <c>d</c>).</summary>
    public int Days { get; }

    /// <summary>The hours (restic's <c>h</c>).</summary>
    public int Hours { get; }

    /// <summary>Whether this is <see langword="default"/> rather than a duration.</summary>
    internal bool IsEmpty => (Years | Months | Days | Hours) == 0;

    /// <summary>A duration of whole years (<c>2y</c>).</summary>
    /// <param name="years">The years, above 0.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="years"/> is not above 0.</exception>
    public static ResticDuration FromYears(int years) => new(Positive(years), 0, 0, 0);

    /// <summary>A duration of whole months (<c>6m</c>).</summary>
    /// <param name="months">The months, above 0.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="months"/> is not above 0.</exception>
    public static ResticDuration FromMonths(int months) => new(0, Positive(months), 0, 0);

    /// <summary>A duration of whole days (<c>30d</c>).</summary>
    /// <param name="days">The days, above 0.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is not above 0.</exception>
    public static ResticDuration FromDays(int days) => new(0, 0, Positive(days), 0);

    /// <summary>A duration of whole hours (<c>12h</c>).</summary>
    /// <param name="hours">The hours, above 0.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hours"/> is not above 0.</exception>
    public static ResticDuration FromHours(int hours) => new(0, 0, 0, Positive(hours));

    /// <summary>
    /// Parses restic's syntax: numbers each followed by a unit <c>y</c>, <c>m</c>, <c>d</c> or <c>h</c> (lower case, each
    /// unit at most once, in any order), such as <c>1y6m</c> or <c>7d12h</c>; at least one number above 0.
    /// </summary>
    /// <param name="value">The duration in restic's syntax.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="FormatException">The value is not a duration restic would read, or it is zero.</exception>
    public static ResticDuration Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var duration)
            ? duration
            : throw new FormatException(
                $"A duration is numbers with the units y, m, d and h, each at most once, at least one above 0 (for example 1y6m or 7d); got '{value}'.");
    }

    /// <summary>Tries to parse restic's syntax, as <see cref="Parse(string)"/>.</summary>
    /// <param name="value">The duration in restic's syntax.</param>
    /// <param name="duration">The parsed duration.</param>
    /// <returns>Whether <paramref name="value"/> was a duration restic would read.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out ResticDuration duration)
    {
        duration = default;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        Span<int> parts = [-1, -1, -1, -1];
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            var digits = 0;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            {
                digits++;
            }

            if (digits == 0 || digits == rest.Length
                || !int.TryParse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var index = "ymdh".IndexOf(rest[digits], StringComparison.Ordinal);
            if (index < 0 || parts[index] >= 0)
            {
                return false;
            }

            parts[index] = number;
            rest = rest[(digits + 1)..];
        }

        var (years, months, days, hours) = (Math.Max(parts[0], 0), Math.Max(parts[1], 0), Math.Max(parts[2], 0), Math.Max(parts[3], 0));
        if ((years | months | days | hours) == 0)
        {
            return false;
        }

        duration = new ResticDuration(years, months, days, hours);
        return true;
    }

    /// <inheritdoc cref="Parse(string)"/>
    /// <param name="s">The duration in restic's syntax.</param>
    /// <param name="provider">Ignored: restic's syntax is culture-invariant.</param>
    static ResticDuration IParsable<ResticDuration>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="TryParse(string?, out ResticDuration)"/>
    /// <param name="s">The duration in restic's syntax.</param>
    /// <param name="provider">Ignored: restic's syntax is culture-invariant.</param>
    /// <param name="result">The parsed duration.</param>
    static bool IParsable<ResticDuration>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ResticDuration result) =>
        TryParse(s, out result);

    /// <inheritdoc />
    public bool Equals(ResticDuration other) => Years == other.Years && Months == other.Months && Days == other.Days && Hours == other.Hours;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ResticDuration other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Years, Months, Days, Hours);

    /// <summary>The duration in restic's syntax, the parts that are not 0 in the order y, m, d, h (<c>1y6m</c>); empty for <see langword="default"/>.</summary>
    /// <returns>The value restic's <c>--keep-within</c> flags take, as restic prints it in a keep reason (<c>within 1y6m</c>).</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        Append(text, Years, 'y');
        Append(text, Months, 'm');
        Append(text, Days, 'd');
        Append(text, Hours, 'h');
        return text.ToString();
    }

    /// <summary>Compares two durations for equality (part by part: <c>12m</c> is not <c>1y</c>).</summary>
    /// <param name="left">The first duration.</param>
    /// <param name="right">The second duration.</param>
    /// <returns>True if equal.</returns>
    public static bool operator ==(ResticDuration left, ResticDuration right) => left.Equals(right);

    /// <summary>Compares two durations for inequality.</summary>
    /// <param name="left">The first duration.</param>
    /// <param name="right">The second duration.</param>
    /// <returns>True if different.</returns>
    public static bool operator !=(ResticDuration left, ResticDuration right) => !left.Equals(right);

    private static int Positive(int value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, name);
        return value;
    }

    private static void Append(StringBuilder text, int value, char unit)
    {
        if (value > 0)
        {
            text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }
}
