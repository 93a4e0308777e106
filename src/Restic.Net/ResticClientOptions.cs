using System.ComponentModel.DataAnnotations;

namespace Restic.Net;

/// <summary>
/// Settings of a <see cref="ResticClient"/>. Mutable, as the options pattern and configuration
/// binding expect; the client copies what it needs when it is constructed, so later changes do
/// not affect an existing client.
/// </summary>
/// <remarks>
/// The dependency injection package validates the options at start-up (the <c>[Required]</c>
/// attributes and the time spans); a client constructed directly checks the same rules and throws
/// <see cref="ArgumentException"/>.
/// </remarks>
public class ResticClientOptions
{
    /// <summary>The repository the client works on. Required.</summary>
    [Required]
    public ResticRepository? Repository { get; set; }

    /// <summary>Where restic reads the repository password from. Required.</summary>
    [Required]
    public ResticPassword? Password { get; set; }

    /// <summary>The restic executable: a path, or a name looked up on <c>PATH</c>. Defaults to <c>restic</c>.</summary>
    [Required]
    public string BinaryPath { get; set; } = "restic";

    /// <summary>restic's local cache folder (<c>RESTIC_CACHE_DIR</c>); <see langword="null"/> uses restic's default.</summary>
    public string? CacheDirectory { get; set; }

    /// <summary>Whether restic keeps its local cache (the default); <see langword="false"/> runs it with <c>--no-cache</c>.</summary>
    public bool UseCache { get; set; } = true;

    /// <summary>
    /// How often restic reports progress while backing up or restoring (<c>RESTIC_PROGRESS_FPS</c>).
    /// Defaults to 500 ms (2 reports a second); restic otherwise reports up to 60 times a second.
    /// </summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long a cancelled restic may take to stop after it received SIGINT (time it uses to
    /// remove its lock) before it is killed. Defaults to 10 seconds.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a command waits for a lock held by someone else before it fails with
    /// <see cref="ResticRepositoryLockedException"/>. restic 0.16+ waits itself (<c>--retry-lock</c>, counted
    /// from its first attempt, after it opened the repository); on older versions the client retries with
    /// jittered back-off that never runs past the timeout. Either way the call gives up within about 10 %
    /// of it. Defaults to zero: fail at once.
    /// </summary>
    public TimeSpan LockWaitTimeout { get; set; }

    /// <summary>
    /// Opt-in stale-lock policy. When a command finds the repository locked, the client runs
    /// <c>restic unlock</c>, which removes only locks restic calls stale (created more than 30 minutes
    /// ago, or held by a process of this host that no longer runs), logs each removed lock, and runs the
    /// command once more. The same cleanup runs after a restic was killed (by the client after it ignored
    /// SIGINT, or by someone else) or stopped while its backend was down, once its lock is found.
    /// Off by default: on a repository shared by several hosts, a lock of a slow host can look stale.
    /// </summary>
    public bool RemoveStaleLocks { get; set; }

    /// <summary>
    /// Stops a command that makes no progress for this long and throws <see cref="ResticTimeoutException"/>:
    /// no output line, where a status line that repeats the previous counters does not count (restic
    /// keeps printing those while it retries a backend that is down). Null (the default) never stops.
    /// Choose it longer than the quietest phase of your commands: <c>check</c> and <c>prune</c> print
    /// little until they finish, and a backup waiting for a lock (<see cref="LockWaitTimeout"/>) prints nothing.
    /// The exception comes within this timeout plus <see cref="ShutdownTimeout"/> plus 10 s of lock housekeeping.
    /// A restic stopped while its backend is down cannot remove its lock: the client logs the lock it left
    /// (<c>LockCheckPending</c>, then <c>LockLeftBehind</c> once a command succeeds again).
    /// </summary>
    public TimeSpan? NoProgressTimeout { get; set; }

    /// <summary>
    /// A policy that runs the attempts of each command instead of the client's own lock wait
    /// (<see cref="LockWaitTimeout"/>), to retry other failures, add timeouts or break a circuit. It sees only the
    /// failures a retry may cure, of runs that delivered nothing yet: never a stream after its first event, a
    /// backup whose input was read, a wrong password, invalid input or a cancellation (see <see cref="ResticResiliencePolicy"/>).
    /// Null (the default) keeps the lock wait. The dependency injection package adapts a Polly pipeline
    /// (<c>AddResilience</c>).
    /// </summary>
    public ResticResiliencePolicy? Resilience { get; set; }

    /// <summary>
    /// How restic compresses what it writes (<c>--compression</c>); null for restic's default
    /// (<see cref="ResticCompression.Auto"/>, or <c>RESTIC_COMPRESSION</c> from <see cref="EnvironmentVariables"/>).
    /// <see cref="ResticCompression.Fastest"/> and <see cref="ResticCompression.Better"/> need restic 0.19:
    /// older versions throw <see cref="ResticNotSupportedException"/> before any command starts.
    /// </summary>
    public ResticCompression? Compression { get; set; }

    /// <summary>
    /// Additional environment variables for restic, for example <c>RESTIC_PACK_SIZE</c>, <c>TMPDIR</c>
    /// or backend credentials; passed to every restic command (also <c>version</c>). Values of variables
    /// whose names look like credentials (KEY, SECRET, PASSWORD, TOKEN, SAS, ...) are masked in logs and error messages.
    /// The values of <c>RESTIC_COMPRESSION</c>, <c>RESTIC_PACK_SIZE</c> and <c>RESTIC_READ_CONCURRENCY</c>
    /// are checked when the client is created (restic 0.19 fails on an invalid one, older versions ignored
    /// some). <c>RESTIC_HOST</c> names the host of new backups only: the client passes it as the backup's
    /// <c>--host</c> and never lets it filter which snapshots other commands see (restic 0.17 and 0.18 would).
    /// </summary>
    public IDictionary<string, string> EnvironmentVariables { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Lets restic inherit the parent's whole environment, including <c>RESTIC_*</c> variables and
    /// backend credentials (<c>AWS_*</c>, <c>B2_*</c>, ...). Off by default: restic then gets only an
    /// allow-list of the parent's variables (<c>PATH</c>, <c>HOME</c>, <c>USER</c>, locale, <c>TZ</c>,
    /// temp and XDG folders, proxies, <c>SSH_AUTH_SOCK</c>, Go runtime tuning) plus what the options set,
    /// so that a stray <c>RESTIC_HOST</c>, a cloud credential or any other secret of the host application
    /// never reaches restic.
    /// </summary>
    public bool InheritEnvironment { get; set; }

    /// <summary>
    /// Reads the repository without restic where it can: <see cref="IResticClient.GetSnapshotsAsync"/>,
    /// <see cref="IResticClient.GetNodesAsync"/>, <see cref="IResticClient.DumpAsync"/> of a file and
    /// <see cref="IResticClient.GetConfigAsync"/> then take milliseconds instead of a restic process and a key
    /// derivation each. <see langword="null"/> (the default) runs restic for every call. Restic.Net.Repository
    /// provides the reader: <c>options.UseNativeReads()</c>.
    /// </summary>
    /// <remarks>
    /// The client opens the reader on the first such read and keeps it, with the repository's master key in
    /// memory, for its lifetime. Where the reader cannot serve (a backend other than local, REST, S3 with keys and SFTP with an identity file and no ssh arguments, a
    /// password command, a folder dumped as an archive) the client runs restic as before. The reader takes no lock; see
    /// the native reads guide for what a concurrent prune means.
    /// </remarks>
    public IResticNativeReaderFactory? NativeReads { get; set; }
}
