namespace Restic.Net;

/// <summary>What restic did with a file (restic's <c>action</c>); an extensible enum.</summary>
public readonly record struct FileAction
{
    /// <summary>Creates an action from restic's value.</summary>
    /// <param name="value">The value, for example <c>new</c>.</param>
    public FileAction(string value) => Value = value ?? string.Empty;

    /// <summary>Backup: a file that was not in the parent snapshot.</summary>
    public static FileAction New { get; } = new("new");

    /// <summary>Backup: a file that changed since the parent snapshot.</summary>
    public static FileAction Modified { get; } = new("modified");

    /// <summary>Backup or restore: a file that did not change.</summary>
    public static FileAction Unchanged { get; } = new("unchanged");

    /// <summary>Restore: a file written anew.</summary>
    public static FileAction Restored { get; } = new("restored");

    /// <summary>Restore: an existing file that was updated.</summary>
    public static FileAction Updated { get; } = new("updated");

    /// <summary>Restore: a file deleted by <c>--delete</c>.</summary>
    public static FileAction Deleted { get; } = new("deleted");

    /// <summary>restic's value.</summary>
    public string Value { get => field ?? string.Empty; }

    /// <summary>Converts restic's value to an action.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator FileAction(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
