using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Restic.Net.CommandLines;

namespace Restic.Net;

/// <summary>
/// The repository format <c>init</c> creates (<c>--repository-version</c>); an extensible enum over restic's value:
/// a format number, <c>latest</c> or <c>stable</c>.
/// </summary>
/// <remarks>
/// A value that is neither a format number nor <c>latest</c> or <c>stable</c> throws <see cref="ArgumentException"/>
/// before restic starts. A number restic does not know yet (<c>3</c>) reaches restic, which refuses it.
/// </remarks>
[TypeConverter(typeof(ResticSyntaxConverter<RepositoryVersion>))]
public readonly record struct RepositoryVersion : IParsable<RepositoryVersion>
{
    /// <summary>Creates a version from restic's value.</summary>
    /// <param name="value">The value, for example <c>2</c> or <c>stable</c>.</param>
    public RepositoryVersion(string value) => Value = value ?? string.Empty;

    /// <summary>Format 1: no compression; what restic before 0.14 reads.</summary>
    public static RepositoryVersion V1 { get; } = new("1");

    /// <summary>Format 2: compression (restic 0.14+).</summary>
    public static RepositoryVersion V2 { get; } = new("2");

    /// <summary>The newest format the restic that runs knows.</summary>
    public static RepositoryVersion Latest { get; } = new("latest");

    /// <summary>The format the restic that runs considers stable: its default (2 on restic 0.14 to 0.19).</summary>
    public static RepositoryVersion Stable { get; } = new("stable");

    /// <summary>restic's value.</summary>
    public string Value { get => field ?? string.Empty; }

    /// <summary>Whether restic can read the value: a format number from 1, <c>latest</c> or <c>stable</c>.</summary>
    internal bool IsValid => Value is "latest" or "stable"
        || (Value.Length > 0 && Value[0] != '0' && int.TryParse(Value, NumberStyles.None, CultureInfo.InvariantCulture, out _));

    /// <summary>Converts restic's value to a version.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator RepositoryVersion(string value) => new(value);

    /// <summary>Parses restic's value: a format number from 1, <c>latest</c> or <c>stable</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="FormatException">The value is neither a format number nor <c>latest</c> or <c>stable</c>.</exception>
    public static RepositoryVersion Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var version)
            ? version
            : throw new FormatException($"A repository version is a format number (1, 2), 'latest' or 'stable'; got '{value}'.");
    }

    /// <summary>Tries to parse restic's value, as <see cref="Parse(string)"/>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="version">The parsed version.</param>
    /// <returns>Whether <paramref name="value"/> was a version restic would read.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out RepositoryVersion version)
    {
        version = value is null ? default : new RepositoryVersion(value);
        if (value is null || !version.IsValid)
        {
            version = default;
            return false;
        }

        return true;
    }

    /// <inheritdoc cref="Parse(string)"/>
    /// <param name="s">The value.</param>
    /// <param name="provider">Ignored: restic's syntax is culture-invariant.</param>
    static RepositoryVersion IParsable<RepositoryVersion>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="TryParse(string?, out RepositoryVersion)"/>
    /// <param name="s">The value.</param>
    /// <param name="provider">Ignored: restic's syntax is culture-invariant.</param>
    /// <param name="result">The parsed version.</param>
    static bool IParsable<RepositoryVersion>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out RepositoryVersion result) =>
        TryParse(s, out result);

    /// <inheritdoc />
    public override string ToString() => Value;
}
