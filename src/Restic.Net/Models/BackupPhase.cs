namespace Restic.Net;

/// <summary>The phase of a backup in which an error happened (restic's <c>during</c>); an extensible enum.</summary>
public readonly record struct BackupPhase
{
    /// <summary>Creates a phase from restic's value.</summary>
    /// <param name="value">The value, for example <c>scan</c>.</param>
    public BackupPhase(string value) => Value = value ?? string.Empty;

    /// <summary>Walking the source folders.</summary>
    public static BackupPhase Scan { get; } = new("scan");

    /// <summary>Reading and storing files.</summary>
    public static BackupPhase Archival { get; } = new("archival");

    /// <summary>restic's value.</summary>
    public string Value { get => field ?? string.Empty; }

    /// <summary>Converts restic's value to a phase.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator BackupPhase(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
