namespace Restic.Net;

/// <summary>What <c>restic stats</c> counts (<c>--mode</c>); an extensible enum.</summary>
public readonly record struct StatsMode
{
    /// <summary>Creates a mode from restic's value.</summary>
    /// <param name="value">The value, for example <c>raw-data</c>.</param>
    public StatsMode(string value) => Value = value ?? string.Empty;

    /// <summary>The size a restore of the snapshots would need (restic's default).</summary>
    public static StatsMode RestoreSize { get; } = new("restore-size");

    /// <summary>The size of the unique files, counted once each.</summary>
    public static StatsMode FilesByContents { get; } = new("files-by-contents");

    /// <summary>The size of the blobs referenced by each file.</summary>
    public static StatsMode BlobsPerFile { get; } = new("blobs-per-file");

    /// <summary>The size of the unique blobs stored in the repository, with compression statistics.</summary>
    public static StatsMode RawData { get; } = new("raw-data");

    /// <summary>restic's value.</summary>
    public string Value { get => field ?? string.Empty; }

    /// <summary>Converts restic's value to a mode.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator StatsMode(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
