namespace Restic.Net;

/// <summary>The archive format <c>restic dump</c> writes for a folder (<c>--archive</c>); an extensible enum.</summary>
public readonly record struct DumpArchiveFormat
{
    /// <summary>Creates a format from restic's value.</summary>
    /// <param name="value">The value, for example <c>tar</c>.</param>
    public DumpArchiveFormat(string value) => Value = value ?? string.Empty;

    /// <summary>A tar archive (restic's default for folders).</summary>
    public static DumpArchiveFormat Tar { get; } = new("tar");

    /// <summary>A zip archive.</summary>
    public static DumpArchiveFormat Zip { get; } = new("zip");

    /// <summary>restic's value.</summary>
    public string Value { get => field ?? string.Empty; }

    /// <summary>Converts restic's value to a format.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator DumpArchiveFormat(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
