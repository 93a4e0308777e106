using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using Restic.Net.CommandLines;

namespace Restic.Net;

/// <summary>
/// Names a snapshot in a command: <see cref="Latest"/>, a full id or an id prefix of at least
/// 4 hex characters, optionally with a folder inside the snapshot (restic's <c>id:subfolder</c>).
/// A <see cref="SnapshotId"/> converts to it implicitly, so an id from any result can be passed on.
/// </summary>
/// <remarks>
/// Every reference is validated when it is made, so a command never starts with one restic would
/// reject. A subfolder is accepted by restore, dump, ls and diff (restic 0.16+; older versions throw
/// <see cref="ResticNotSupportedException"/>); the commands that take a list of snapshots, and a
/// backup's parent, reject it with <see cref="ArgumentException"/>. <see langword="default"/> is not
/// a reference: passing it throws <see cref="ArgumentException"/>.
/// </remarks>
[TypeConverter(typeof(ResticSyntaxConverter<SnapshotReference>))]
public readonly struct SnapshotReference : IEquatable<SnapshotReference>, IParsable<SnapshotReference>
{
    /// <summary>The shortest id prefix accepted; restic resolves a prefix to the one snapshot it starts.</summary>
    public const int MinimumPrefixLength = 4;

    private const string LatestName = "latest";

    private readonly string? _snapshot;

    private SnapshotReference(string snapshot, string? subfolder)
    {
        _snapshot = snapshot;
        Subfolder = subfolder;
    }

    /// <summary>The newest snapshot (restic's <c>latest</c>), narrowed by the command's filter where it has one.</summary>
    public static SnapshotReference Latest { get; } = new(LatestName, null);

    /// <summary><c>latest</c> or the id (prefix) in lowercase; empty for <see langword="default"/>.</summary>
    public string Snapshot => _snapshot ?? string.Empty;

    /// <summary>Whether this names the newest snapshot rather than an id.</summary>
    public bool IsLatest => _snapshot == LatestName;

    /// <summary>The folder inside the snapshot, as given after the colon; null for the whole snapshot.</summary>
    public string? Subfolder { get; }

    /// <summary>Whether this is <see langword="default"/> rather than a reference.</summary>
    internal bool IsEmpty => _snapshot is null;

    /// <summary>Refers to a snapshot by its id.</summary>
    /// <param name="id">The id; a full id or restic 0.14's 8-character short id.</param>
    public static implicit operator SnapshotReference(SnapshotId id) => FromSnapshotId(id);

    /// <summary>Refers to a snapshot by its id.</summary>
    /// <param name="id">The id; a full id or restic 0.14's 8-character short id.</param>
    /// <returns>The reference; <see langword="default"/> for a <see langword="default"/> id, which commands reject.</returns>
    public static SnapshotReference FromSnapshotId(SnapshotId id) =>
        id.Value.Length == 0 ? default : new SnapshotReference(id.Value, null);

    /// <summary>The same snapshot, narrowed to a folder inside it (<c>id:subfolder</c>, restic 0.16+).</summary>
    /// <param name="subfolder">The folder, as restic shows paths inside the snapshot (for example <c>/home/user</c>).</param>
    /// <returns>The narrowed reference.</returns>
    /// <exception cref="ArgumentException">The folder is empty or contains a NUL character, or this reference is <see langword="default"/>.</exception>
    public SnapshotReference WithSubfolder(string subfolder)
    {
        Guard.NotNullOrEmptyNoNul(subfolder);
        if (IsEmpty)
        {
            throw new ArgumentException("A default SnapshotReference names no snapshot.", nameof(subfolder));
        }

        return new SnapshotReference(Snapshot, subfolder);
    }

    /// <summary>Parses <c>latest</c>, an id or an id prefix (at least 4 hex characters), optionally followed by <c>:subfolder</c>.</summary>
    /// <param name="value">The reference.</param>
    /// <returns>The reference, with the id in lowercase.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="FormatException">The value is not a snapshot reference.</exception>
    public static SnapshotReference Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var reference)
            ? reference
            : throw new FormatException(
                $"A snapshot reference is 'latest' or a hexadecimal snapshot id (at least {MinimumPrefixLength} characters), optionally followed by ':subfolder'; got '{value}'.");
    }

    /// <summary>Tries to parse <c>latest</c>, an id or an id prefix, optionally followed by <c>:subfolder</c>.</summary>
    /// <param name="value">The reference.</param>
    /// <param name="reference">The parsed reference.</param>
    /// <returns>Whether <paramref name="value"/> was a reference.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out SnapshotReference reference)
    {
        reference = default;
        if (value is null || value.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var snapshot = colon < 0 ? value : value[..colon];
        var subfolder = colon < 0 ? null : value[(colon + 1)..];
        if (subfolder is { Length: 0 })
        {
            return false;
        }

        if (snapshot == LatestName)
        {
            reference = new SnapshotReference(LatestName, subfolder);
            return true;
        }

        if (snapshot.Length is < MinimumPrefixLength or > SnapshotId.FullLength || !snapshot.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        reference = new SnapshotReference(snapshot.ToLowerInvariant(), subfolder);
        return true;
    }

    /// <inheritdoc cref="Parse(string)"/>
    /// <param name="s">The reference.</param>
    /// <param name="provider">Ignored: a reference is culture-invariant.</param>
    static SnapshotReference IParsable<SnapshotReference>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="TryParse(string?, out SnapshotReference)"/>
    /// <param name="s">The reference.</param>
    /// <param name="provider">Ignored: a reference is culture-invariant.</param>
    /// <param name="result">The parsed reference.</param>
    static bool IParsable<SnapshotReference>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out SnapshotReference result) =>
        TryParse(s, out result);

    /// <inheritdoc />
    public bool Equals(SnapshotReference other) =>
        string.Equals(_snapshot, other._snapshot, StringComparison.Ordinal) && string.Equals(Subfolder, other.Subfolder, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SnapshotReference other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_snapshot, Subfolder);

    /// <summary>The reference as restic takes it: <c>latest</c>, <c>id</c> or <c>id:subfolder</c>.</summary>
    /// <returns>The argument.</returns>
    public override string ToString() => Subfolder is null ? Snapshot : Snapshot + ":" + Subfolder;

    /// <summary>Compares two references for equality.</summary>
    /// <param name="left">The first reference.</param>
    /// <param name="right">The second reference.</param>
    /// <returns>True if equal.</returns>
    public static bool operator ==(SnapshotReference left, SnapshotReference right) => left.Equals(right);

    /// <summary>Compares two references for inequality.</summary>
    /// <param name="left">The first reference.</param>
    /// <param name="right">The second reference.</param>
    /// <returns>True if different.</returns>
    public static bool operator !=(SnapshotReference left, SnapshotReference right) => !left.Equals(right);
}
