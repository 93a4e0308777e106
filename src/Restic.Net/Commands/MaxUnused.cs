using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Restic.Net.CommandLines;

namespace Restic.Net;

/// <summary>
/// How much unused space <c>prune</c> tolerates in the repository (<c>--max-unused</c>): a percentage of the
/// repository's size, an amount of data, or <see cref="Unlimited"/>. <see cref="ToString"/> gives restic's syntax
/// (<c>5%</c>, <c>1G</c>, <c>unlimited</c>), which <see cref="Parse(string)"/> reads back.
/// </summary>
/// <remarks>
/// Every value is validated when it is made, so a prune never starts with one restic would reject.
/// <see langword="default"/> is no limit: passing it throws <see cref="ArgumentException"/>; leave
/// <see cref="PruneOptions.MaxUnused"/> null for restic's default, 5%.
/// </remarks>
[TypeConverter(typeof(ResticSyntaxConverter<MaxUnused>))]
public readonly struct MaxUnused : IEquatable<MaxUnused>, IParsable<MaxUnused>
{
    private const string UnlimitedName = "unlimited";

    private readonly Kind _kind;
    private readonly double _percent;
    private readonly long _bytes;

    private MaxUnused(Kind kind, double percent = 0, long bytes = 0)
    {
        _kind = kind;
        _percent = percent;
        _bytes = bytes;
    }

    private enum Kind
    {
        None,
        Percent,
        Bytes,
        Unlimited,
    }

    /// <summary>Any amount of unused space (restic's <c>unlimited</c>): prune removes the packs nothing uses and repacks no partly used pack to save space.</summary>
    public static MaxUnused Unlimited { get; } = new(Kind.Unlimited);

    /// <summary>Whether this is <see langword="default"/> rather than a limit.</summary>
    internal bool IsEmpty => _kind == Kind.None;

    /// <summary>Unused space up to this percentage of the repository's size (restic's <c>x%</c>).</summary>
    /// <param name="percent">The percentage: at least 0 and below 100 (restic refuses 100%).</param>
    /// <returns>The limit.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is not at least 0 and below 100.</exception>
    public static MaxUnused Percent(double percent)
    {
        if (!IsPercent(percent))
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "The percentage must be at least 0 and below 100.");
        }

        return new MaxUnused(Kind.Percent, percent: percent + 0.0); // -0 becomes 0
    }

    /// <summary>Unused space up to this amount of data (restic's size, for example <c>1G</c>).</summary>
    /// <param name="bytes">The amount, in bytes; at least 0.</param>
    /// <returns>The limit.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is negative.</exception>
    public static MaxUnused Bytes(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        return new MaxUnused(Kind.Bytes, bytes: bytes);
    }

    /// <summary>
    /// Parses restic's syntax: <c>unlimited</c>, a percentage at least 0 and below 100 (<c>5%</c>, <c>2.5%</c>), or a
    /// size: a number of bytes with an optional unit <c>b</c>, <c>k</c>, <c>m</c>, <c>g</c> or <c>t</c> in either case
    /// (<c>1G</c>, <c>1073741824</c>; powers of 1024).
    /// </summary>
    /// <param name="value">The limit in restic's syntax.</param>
    /// <returns>The limit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="FormatException">The value is not a limit restic would read.</exception>
    public static MaxUnused Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var limit)
            ? limit
            : throw new FormatException(
                $"The most unused space is 'unlimited', a percentage at least 0 and below 100 (for example 5%), or a size in bytes with an optional unit b, k, m, g or t (for example 1G); got '{value}'.");
    }

    /// <summary>Tries to parse restic's syntax, as <see cref="Parse(string)"/>.</summary>
    /// <param name="value">The limit in restic's syntax.</param>
    /// <param name="limit">The parsed limit.</param>
    /// <returns>Whether <paramref name="value"/> was a limit restic would read.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out MaxUnused limit)
    {
        limit = default;
        if (value is null)
        {
            return false;
        }

        if (value == UnlimitedName)
        {
            limit = Unlimited;
            return true;
        }

        if (value.EndsWith('%'))
        {
            if (ReadDataSubset.TryParsePercent(value.AsSpan(0, value.Length - 1), out var percent) && IsPercent(percent))
            {
                limit = new MaxUnused(Kind.Percent, percent: percent);
                return true;
            }

            return false;
        }

        if (ResticSize.TryParse(value, requireUnit: false, out var bytes))
        {
            limit = new MaxUnused(Kind.Bytes, bytes: bytes);
            return true;
        }

        return false;
    }

    /// <inheritdoc cref="Parse(string)"/>
    /// <param name="s">The limit in restic's syntax.</param>
    /// <param name="provider">Ignored: restic's syntax is culture-invariant.</param>
    static MaxUnused IParsable<MaxUnused>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="TryParse(string?, out MaxUnused)"/>
    /// <param name="s">The limit in restic's syntax.</param>
    /// <param name="provider">Ignored: restic's syntax is culture-invariant.</param>
    /// <param name="result">The parsed limit.</param>
    static bool IParsable<MaxUnused>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out MaxUnused result) =>
        TryParse(s, out result);

    /// <inheritdoc />
    public bool Equals(MaxUnused other) => _kind == other._kind && _percent.Equals(other._percent) && _bytes == other._bytes;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MaxUnused other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_kind, _percent, _bytes);

    /// <summary>The limit in restic's syntax: <c>5%</c>, <c>1G</c> or <c>unlimited</c>; empty for <see langword="default"/>.</summary>
    /// <returns>The value restic's <c>--max-unused</c> takes.</returns>
    public override string ToString() => _kind switch
    {
        Kind.Percent => ReadDataSubset.FormatPercent(_percent),
        Kind.Bytes => ResticSize.Format(_bytes),
        Kind.Unlimited => UnlimitedName,
        _ => string.Empty,
    };

    /// <summary>Compares two limits for equality.</summary>
    /// <param name="left">The first limit.</param>
    /// <param name="right">The second limit.</param>
    /// <returns>True if equal.</returns>
    public static bool operator ==(MaxUnused left, MaxUnused right) => left.Equals(right);

    /// <summary>Compares two limits for inequality.</summary>
    /// <param name="left">The first limit.</param>
    /// <param name="right">The second limit.</param>
    /// <returns>True if different.</returns>
    public static bool operator !=(MaxUnused left, MaxUnused right) => !left.Equals(right);

    private static bool IsPercent(double percent) => percent >= 0 && percent < 100;
}
