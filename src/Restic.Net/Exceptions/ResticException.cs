namespace Restic.Net;

/// <summary>
/// The base of every error restic or the client reports. All text it carries is redacted:
/// no password, URL credential or backend secret appears in it.
/// </summary>
/// <remarks>
/// Failures restic (or the native reader in its place) reports derive from <see cref="ResticCommandException"/>,
/// so <c>catch (ResticCommandException)</c> catches each of them, and any refined in a later version.
/// <see cref="IsTransient"/> says whether retrying the same call can help.
/// </remarks>
public abstract class ResticException : Exception
{
    /// <summary>Creates the exception. Only this library derives from it: the client alone sets what it carries.</summary>
    /// <param name="message">The message; already redacted.</param>
    /// <param name="exitCode">restic's exit code, or <see langword="null"/> when restic did not run or exit.</param>
    /// <param name="commandLine">The redacted command line.</param>
    /// <param name="resticMessage">restic's own error message, redacted.</param>
    /// <param name="standardError">The last lines restic wrote to stderr, redacted and bounded.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    private protected ResticException(
        string message,
        int? exitCode,
        string? commandLine,
        string? resticMessage,
        string? standardError,
        Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
        CommandLine = commandLine;
        ResticMessage = resticMessage;
        StandardError = standardError;
    }

    /// <summary>restic's exit code, or <see langword="null"/> when restic did not run or exit.</summary>
    public int? ExitCode { get; }

    /// <summary>
    /// The command line that ran, redacted (for example <c>restic backup --json -- /data</c>); null when
    /// no restic ran for this error (the binary was not found, a feature the version lacks).
    /// </summary>
    public string? CommandLine { get; }

    /// <summary>restic's own error message (the <c>Fatal: ...</c> text), redacted; null if it printed none.</summary>
    public string? ResticMessage { get; }

    /// <summary>The last lines restic wrote to stderr (at most 40, each cut at 2,048 characters), redacted; null when no restic ran for this error.</summary>
    public string? StandardError { get; }

    /// <summary>
    /// Whether retrying the same call, unchanged, can succeed: true for a locked repository
    /// (<see cref="ResticRepositoryLockedException"/>), a repository a concurrent prune changed under a native read
    /// (<see cref="ResticRepositoryChangedException"/>), a backend that could not be reached
    /// (<see cref="ResticBackendUnreachableException"/>) and a command or read that made no progress in time
    /// (<see cref="ResticTimeoutException"/>); false for everything else, restic's unclassified failures
    /// (<see cref="ResticCommandException"/>) included.
    /// </summary>
    /// <remarks>
    /// Like <c>System.Data.Common.DbException.IsTransient</c>: a hint for a retry policy, which should still bound its
    /// attempts (a lock whose holder crashed stays until it is removed, a mistyped host name stays unknown). It says
    /// whether the failure may pass, not whether the operation may be repeated: the caller decides that.
    /// </remarks>
    public virtual bool IsTransient => false;
}
