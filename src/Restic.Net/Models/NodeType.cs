namespace Restic.Net;

/// <summary>The type of a file system node in a snapshot (restic's <c>type</c>); an extensible enum.</summary>
public readonly record struct NodeType
{
    /// <summary>Creates a node type from restic's value.</summary>
    /// <param name="value">The value, for example <c>file</c>.</param>
    public NodeType(string value) => Value = value ?? string.Empty;

    /// <summary>A regular file.</summary>
    public static NodeType File { get; } = new("file");

    /// <summary>A directory.</summary>
    public static NodeType Directory { get; } = new("dir");

    /// <summary>A symbolic link.</summary>
    public static NodeType Symlink { get; } = new("symlink");

    /// <summary>A block device.</summary>
    public static NodeType Device { get; } = new("dev");

    /// <summary>A character device.</summary>
    public static NodeType CharacterDevice { get; } = new("chardev");

    /// <summary>A named pipe.</summary>
    public static NodeType Fifo { get; } = new("fifo");

    /// <summary>A Unix socket.</summary>
    public static NodeType Socket { get; } = new("socket");

    /// <summary>A node restic could not classify (snapshots written by restic 0.17.1).</summary>
    public static NodeType Irregular { get; } = new("irregular");

    /// <summary>restic's value.</summary>
    public string Value { get => field ?? string.Empty; }

    /// <summary>Converts restic's value to a node type.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator NodeType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
