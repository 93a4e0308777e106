using System.Buffers;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using Restic.Net.CommandLines;

namespace Restic.Net;

/// <summary>
/// A snapshot id: 64 lowercase hex characters, or the 8-character short form that restic 0.14
/// prints after a backup. Compare short and full ids with <see cref="Matches"/>.
/// </summary>
[TypeConverter(typeof(ResticSyntaxConverter<SnapshotId>))]
public readonly struct SnapshotId : IEquatable<SnapshotId>, IParsable<SnapshotId>
{
    /// <summary>The length of a full id.</summary>
    public const int FullLength = 64;

    /// <summary>The length of a short id.</summary>
    public const int ShortLength = 8;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private readonly string? _value;

    private SnapshotId(string value) => _value = value;

    /// <summary>The id as restic prints it (lowercase hex); empty for <see langword="default"/>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this is a full 64-character id (false for restic 0.14's short backup ids).</summary>
    public bool IsFull => Value.Length == FullLength;

    /// <summary>Parses an id of 8 to 64 hex characters.</summary>
    /// <param name="value">The id.</param>
    /// <returns>The id in lowercase.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="FormatException">The value is not 8 to 64 hex characters.</exception>
    public static SnapshotId Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var id)
            ? id
            : throw new FormatException($"A snapshot id is 8 to 64 hexadecimal characters; got '{value}'.");
    }

    /// <inheritdoc cref="Parse(string)"/>
    /// <param name="s">The id.</param>
    /// <param name="provider">Ignored: an id is culture-invariant.</param>
    static SnapshotId IParsable<SnapshotId>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>Tries to parse an id of 8 to 64 hex characters.</summary>
    /// <param name="s">The id.</param>
    /// <param name="provider">Ignored: an id is culture-invariant.</param>
    /// <param name="result">The parsed id.</param>
    /// <returns>Whether <paramref name="s"/> was an id.</returns>
    static bool IParsable<SnapshotId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out SnapshotId result) => TryParse(s, out result);

    /// <summary>Tries to parse an id of 8 to 64 hex characters.</summary>
    /// <param name="value">The id.</param>
    /// <param name="id">The parsed id.</param>
    /// <returns>Whether <paramref name="value"/> was an id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out SnapshotId id)
    {
        id = default;
        if (value is null || value.Length < ShortLength || value.Length > FullLength || value.AsSpan().ContainsAnyExcept(HexDigits))
        {
            return false;
        }

        id = new SnapshotId(value.ToLowerInvariant());
        return true;
    }

    /// <summary>The first 8 characters, as restic shows ids in text output.</summary>
    /// <returns>The short id.</returns>
    public string ToShortString() => Value.Length > ShortLength ? Value[..ShortLength] : Value;

    /// <summary>Whether both ids name the same snapshot, one possibly being a prefix (short id) of the other.</summary>
    /// <param name="other">The other id.</param>
    /// <returns>True when one id is a prefix of the other.</returns>
    public bool Matches(SnapshotId other) =>
        Value.Length > 0 && other.Value.Length > 0 &&
        (Value.StartsWith(other.Value, StringComparison.Ordinal) || other.Value.StartsWith(Value, StringComparison.Ordinal));

    /// <inheritdoc />
    public bool Equals(SnapshotId other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SnapshotId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The id as restic prints it.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;

    /// <summary>Compares two ids for equality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True if equal.</returns>
    public static bool operator ==(SnapshotId left, SnapshotId right) => left.Equals(right);

    /// <summary>Compares two ids for inequality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>True if different.</returns>
    public static bool operator !=(SnapshotId left, SnapshotId right) => !left.Equals(right);
}
