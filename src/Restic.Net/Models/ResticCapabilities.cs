namespace Restic.Net;

/// <summary>
/// What the installed restic can do that a caller can act on, derived from its version. How the client
/// reads each version's output is not part of it.
/// </summary>
public sealed record ResticCapabilities
{
    private static readonly Version s_v015 = new(0, 15, 0);
    private static readonly Version s_v016 = new(0, 16, 0);
    private static readonly Version s_v017 = new(0, 17, 0);
    private static readonly Version s_v0171 = new(0, 17, 1);
    private static readonly Version s_v018 = new(0, 18, 0);
    private static readonly Version s_v019 = new(0, 19, 0);

    internal ResticCapabilities(Version version) => Version = version;

    /// <summary>The version the capabilities were derived from.</summary>
    public Version Version { get; }

    /// <summary>restic 0.16.0, which the <c>snapshot:subfolder</c> syntax needs.</summary>
    internal static Version V016 => s_v016;

    /// <summary>restic 0.17.0, which <c>restore --overwrite</c> needs.</summary>
    internal static Version V017 => s_v017;

    /// <summary>restic 0.19.0, which the 0.19 features need.</summary>
    internal static Version V019 => s_v019;

    /// <summary><c>init --json</c> prints the repository id (0.15+).</summary>
    internal bool JsonInit => Version >= s_v015;

    /// <summary><c>restore --json</c> prints progress and a summary (0.16+).</summary>
    public bool JsonRestore => Version >= s_v016;

    /// <summary><c>check --json</c> prints errors and a summary (0.18+).</summary>
    internal bool JsonCheck => Version >= s_v018;

    /// <summary><c>version --json</c> (0.17+).</summary>
    internal bool JsonVersion => Version >= s_v017;

    /// <summary>A <see cref="SnapshotReference"/> with a subfolder (<c>snapshot:subfolder</c>) for restore, dump, ls and diff (0.16+).</summary>
    public bool SubfolderSyntax => Version >= s_v016;

    /// <summary>The <c>--retry-lock</c> flag (0.16+).</summary>
    public bool RetryLock => Version >= s_v016;

    /// <summary>Exit codes 10 (no repository) and 11 (locked) (0.17+).</summary>
    internal bool RepositoryExitCodes => Version >= s_v017;

    /// <summary>Exit code 12 (wrong password) (0.17.1+).</summary>
    internal bool WrongPasswordExitCode => Version >= s_v0171;

    /// <summary>A JSON <c>exit_error</c> line on stderr for every failure (0.18+).</summary>
    internal bool ExitErrorJson => Version >= s_v018;

    /// <summary>Backup and restore error lines carry a message (0.17.1+).</summary>
    public bool ErrorMessages => Version >= s_v0171;

    /// <summary><c>backup --stdin-from-command</c> (0.17+).</summary>
    public bool StdinFromCommand => Version >= s_v017;

    /// <summary><c>backup --skip-if-unchanged</c> (0.17+).</summary>
    public bool SkipIfUnchanged => Version >= s_v017;

    /// <summary>The backup summary reports bytes added after compression (0.17+).</summary>
    public bool DataAddedPacked => Version >= s_v017;

    /// <summary><c>restore --dry-run</c>, <c>--overwrite</c> (<see cref="RestoreOptions.Overwrite"/>) and <c>--delete</c> (0.17+).</summary>
    public bool RestoreOverwritePolicies => Version >= s_v017;

    /// <summary>Full snapshot ids in the backup summary (0.15+; 0.14 prints 8 characters).</summary>
    internal bool FullBackupSnapshotId => Version >= s_v015;

    /// <summary>The <c>rewrite</c> command (0.15+).</summary>
    public bool Rewrite => Version >= s_v015;

    /// <summary><c>repair index</c> and <c>repair snapshots</c> (0.16+; before, <c>rebuild-index</c> only).</summary>
    public bool Repair => Version >= s_v016;

    /// <summary><c>tag --json</c> reports which snapshot became which (0.18+; before, a count in text).</summary>
    internal bool JsonTag => Version >= s_v018;

    /// <summary>Full key ids in <c>key list</c>, and <c>key add</c> prints the new key's id (0.17+).</summary>
    internal bool FullKeyIds => Version >= s_v017;

    /// <summary><c>check</c> limited to the snapshots chosen by ids or a filter (0.19+): <see cref="CheckOptions.Snapshots"/> and <see cref="CheckOptions.Filter"/>.</summary>
    public bool CheckSnapshotSelection => Version >= s_v019;

    /// <summary><c>rewrite --include</c> keeps only matching files (0.19+): <see cref="RewriteOptions.Includes"/>.</summary>
    public bool RewriteIncludes => Version >= s_v019;

    /// <summary>The compression levels <see cref="ResticCompression.Fastest"/> and <see cref="ResticCompression.Better"/> (0.19+).</summary>
    public bool CompressionLevels => Version >= s_v019;

    /// <summary><c>restore --ownership-by-name</c> (0.19+): <see cref="RestoreOptions.OwnershipByName"/>.</summary>
    public bool RestoreOwnershipByName => Version >= s_v019;

    /// <summary>
    /// SIGINT always removes the lock (0.18+). restic 0.14 interrupted within about 200 ms after it
    /// created its lock file (while it checks for other locks, before it registers the lock for its
    /// cleanup) exits 130 and leaves the lock. Observed on 0.14, not on 0.18; versions in between are
    /// treated like 0.14. Internal: it decides the client's cleanup after a cancellation.
    /// </summary>
    internal bool InterruptRemovesLock => Version >= s_v018;

    /// <summary>
    /// <c>forget --json --prune</c> prints prune's text report after the JSON (before 0.19; 0.19 prints only
    /// the JSON). Internal: on 0.19+ the client plans with <c>forget --dry-run --json</c> and then runs
    /// <c>forget --prune ID...</c> in text mode.
    /// </summary>
    internal bool ForgetPrintsPruneReport => Version < s_v019;
}
