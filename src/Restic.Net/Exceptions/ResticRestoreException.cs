namespace Restic.Net;

/// <summary>
/// restic restored the snapshot only in part: some files could not be written (a full disk, missing
/// permissions, ...). <see cref="Errors"/> lists them; files restic did not mention were restored.
/// </summary>
public sealed class ResticRestoreException : ResticException
{
    internal ResticRestoreException(string message, int? exitCode, string? commandLine, string? resticMessage, string? standardError, IReadOnlyList<RestoreError> errors, RestoreSummary summary)
        : base(message, exitCode, commandLine, resticMessage, standardError)
    {
        Errors = errors;
        Summary = summary;
    }

    /// <summary>The files restic could not restore, as it reported them (one entry per report; a file may appear more than once).</summary>
    public IReadOnlyList<RestoreError> Errors { get; }

    /// <summary>What restic reported before it failed; its counters may include the failed files.</summary>
    public RestoreSummary Summary { get; }
}
