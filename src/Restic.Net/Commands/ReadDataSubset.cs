using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Restic.Net.CommandLines;

namespace Restic.Net;

/// <summary>
/// The part of the pack files <c>check</c> reads and verifies (<c>--read-data-subset</c>): a percentage, one part
/// of several, or an amount of data. <see cref="ToString"/> gives restic's syntax (<c>5%</c>, <c>1/5</c>,
/// <c>500M</c>), which <see cref="Parse(string)"/> reads back.
/// </summary>
/// <remarks>
/// Every value is validated when it is made, so a check never starts with one restic would reject.
/// <see langword="default"/> is no subset: passing it throws <see cref="ArgumentException"/>.
/// </remarks>
[TypeConverter(typeof(ResticSyntaxConverter<ReadDataSubset>))]
public readonly struct ReadDataSubset : IEquatable<ReadDataSubset>, IParsable<ReadDataSubset>
{
    /// <summary>The most parts restic divides the pack files into (<c>n/256</c>).</summary>
    public const int MaxParts = 256;

    private readonly Kind _kind;
    private readonly double _percent;
    private readonly int _part;
    private readonly int _parts;
    private readonly long _bytes;

    private ReadDataSubset(Kind kind, double percent = 0, int part = 0, int parts = 0, long bytes = 0)
    {
        _kind = kind;
        _percent = percent;
        _part = part;
        _parts = parts;
        _bytes = bytes;
    }

    private enum Kind
    {
        None,
        Percent,
        Part,
        Bytes,
    }

    /// <summary>Whether this is <see langword="default"/> rather than a subset.</summary>
    internal bool IsEmpty => _kind == Kind.None;

    /// <summary>A random selection of this percentage of the pack files (restic's <c>x%</c>).</summary>
    /// <param name="percent">The percentage: above 0 and at most 100.</param>
    /// <returns>The subset.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is not above 0 and at most 100.</exception>
    public static ReadDataSubset Percent(double percent)
    {
        if (!IsPercent(percent))
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "The percentage must be above 0 and at most 100.");
        }

        return new ReadDataSubset(Kind.Percent, percent: percent);
    }

    /// <summary>
    /// Part <paramref name="part"/> of <paramref name="parts"/> (restic's <c>n/t</c>): checking parts 1 to t in t runs
    /// reads every pack file once.
    /// </summary>
    /// <param name="part">The part to read, from 1 to <paramref name="parts"/>.</param>
    /// <param name="parts">The number of parts, from 1 to <see cref="MaxParts"/>.</param>
    /// <returns>The subset.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Not 1 &lt;= <paramref name="part"/> &lt;= <paramref name="parts"/> &lt;= 256.</exception>
    public static ReadDataSubset Part(int part, int parts)
    {
        if (parts is < 1 or > MaxParts)
        {
            throw new ArgumentOutOfRangeException(nameof(parts), parts, $"The number of parts must be from 1 to {MaxParts}.");
        }

        if (part < 1 || part > parts)
        {
            throw new ArgumentOutOfRangeException(nameof(part), part, "The part must be from 1 to the number of parts.");
        }

        return new ReadDataSubset(Kind.Part, part: part, parts: parts);
    }

    /// <summary>A random selection of pack files of about this much data (restic's size, for example <c>500M</c>).</summary>
    /// <param name="bytes">The amount of data, in bytes; above 0.</param>
    /// <returns>The subset.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is not above 0.</exception>
    public static ReadDataSubset Bytes(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        return new ReadDataSubset(Kind.Bytes, bytes: bytes);
    }

    /// <summary>
    /// Parses restic's syntax: <c>n/t</c> (1 &lt;= n &lt;= t &lt;= 256), a percentage above 0 and at most 100
    /// (<c>5%</c>, <c>0.5%</c>), or a size with a unit <c>b</c>, <c>k</c>, <c>m</c>, <c>g</c> or <c>t</c> in either
    /// case (<c>500M</c>; powers of 1024; restic refuses a bare number here).
    /// </summary>
    /// <param name="value">The subset in restic's syntax.</param>
    /// <returns>The subset.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="FormatException">The value is not a subset restic would read.</exception>
    public static ReadDataSubset Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var subset)
            ? subset
            : throw new FormatException(
                $"A data subset is 'n/t' (1 <= n <= t <= {MaxParts}, for example 1/5), a percentage above 0 and up to 100 (for example 5%), or a size with a unit b, k, m, g or t (for example 500M); got '{value}'.");
    }

    /// <summary>Tries to parse restic's syntax, as <see cref="Parse(string)"/>.</summary>
    /// <param name="value">The subset in restic's syntax.</param>
    /// <param name="subset">The parsed subset.</param>
    /// <returns>Whether <paramref name="value"/> was a subset restic would read.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out ReadDataSubset subset)
    {
        subset = default;
        if (value is null)
        {
            return false;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (int.TryParse(value.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var part)
                && int.TryParse(value.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var parts)
                && part >= 1 && part <= parts && parts <= MaxParts)
            {
                subset = new ReadDataSubset(Kind.Part, part: part, parts: parts);
                return true;
            }

            return false;
        }

        if (value.EndsWith('%'))
        {
            if (TryParsePercent(value.AsSpan(0, value.Length - 1), out var percent) && IsPercent(percent))
            {
                subset = new ReadDataSubset(Kind.Percent, percent: percent);
                return true;
            }

            return false;
        }

        if (ResticSize.TryParse(value, requireUnit: true, out var bytes) && bytes > 0)
        {
            subset = new ReadDataSubset(Kind.Bytes, bytes: bytes);
            return true;
        }

        return false;
    }

    /// <inheritdoc cref="Parse(string)"/>
    /// <param name="s">The subset in restic's syntax.</param>
    /// <param name="provider">Ignored: restic's syntax is culture-invariant.</param>
    static ReadDataSubset IParsable<ReadDataSubset>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="TryParse(string?, out ReadDataSubset)"/>
    /// <param name="s">The subset in restic's syntax.</param>
    /// <param name="provider">Ignored: restic's syntax is culture-invariant.</param>
    /// <param name="result">The parsed subset.</param>
    static bool IParsable<ReadDataSubset>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ReadDataSubset result) =>
        TryParse(s, out result);

    /// <inheritdoc />
    public bool Equals(ReadDataSubset other) =>
        _kind == other._kind && _percent.Equals(other._percent) && _part == other._part && _parts == other._parts && _bytes == other._bytes;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ReadDataSubset other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_kind, _percent, _part, _parts, _bytes);

    /// <summary>The subset in restic's syntax: <c>5%</c>, <c>1/5</c> or <c>500M</c>; empty for <see langword="default"/>.</summary>
    /// <returns>The value restic's <c>--read-data-subset</c> takes.</returns>
    public override string ToString() => _kind switch
    {
        Kind.Percent => FormatPercent(_percent),
        Kind.Part => string.Create(CultureInfo.InvariantCulture, $"{_part}/{_parts}"),
        Kind.Bytes => ResticSize.Format(_bytes),
        _ => string.Empty,
    };

    /// <summary>Compares two subsets for equality.</summary>
    /// <param name="left">The first subset.</param>
    /// <param name="right">The second subset.</param>
    /// <returns>True if equal.</returns>
    public static bool operator ==(ReadDataSubset left, ReadDataSubset right) => left.Equals(right);

    /// <summary>Compares two subsets for inequality.</summary>
    /// <param name="left">The first subset.</param>
    /// <param name="right">The second subset.</param>
    /// <returns>True if different.</returns>
    public static bool operator !=(ReadDataSubset left, ReadDataSubset right) => !left.Equals(right);

    /// <summary>A percentage as restic's <c>x%</c>: the shortest form that reads back to the same value.</summary>
    internal static string FormatPercent(double percent) => percent.ToString("R", CultureInfo.InvariantCulture) + "%";

    /// <summary>A percentage in restic's syntax (Go's <c>ParseFloat</c>): digits, a decimal point and an exponent.</summary>
    internal static bool TryParsePercent(ReadOnlySpan<char> value, out double percent) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out percent)
        && double.IsFinite(percent);

    private static bool IsPercent(double percent) => percent > 0 && percent <= 100;
}
