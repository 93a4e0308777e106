namespace Restic.Net;

/// <summary>
/// What a restore does with a file that exists in the target already (<c>restore --overwrite</c>,
/// restic 0.17+); an extensible enum over restic's value. restic before 0.17 always overwrites.
/// </summary>
public readonly record struct RestoreOverwritePolicy
{
    /// <summary>Creates a policy from restic's value.</summary>
    /// <param name="value">The value, for example <c>if-changed</c>.</param>
    public RestoreOverwritePolicy(string value) => Value = value ?? string.Empty;

    /// <summary>Overwrites every existing file (restic's default, and the only behaviour before 0.17).</summary>
    public static RestoreOverwritePolicy Always { get; } = new("always");

    /// <summary>Overwrites a file whose content differs from the snapshot's; restic reads existing files to compare them.</summary>
    public static RestoreOverwritePolicy IfChanged { get; } = new("if-changed");

    /// <summary>Overwrites a file only when the snapshot's copy is newer (by modification time).</summary>
    public static RestoreOverwritePolicy IfNewer { get; } = new("if-newer");

    /// <summary>Leaves every existing file as it is.</summary>
    public static RestoreOverwritePolicy Never { get; } = new("never");

    /// <summary>restic's value.</summary>
    public string Value { get => field ?? string.Empty; }

    /// <summary>Converts restic's value to a policy.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator RestoreOverwritePolicy(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
