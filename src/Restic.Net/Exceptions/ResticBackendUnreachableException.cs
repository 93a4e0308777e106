namespace Restic.Net;

/// <summary>
/// The storage backend could not be reached when restic opened the repository: the connection was refused
/// or the host name is unknown. restic 0.15+ retries this for about 15 minutes without other output; the
/// client stops it at its first retry notice and throws this exception within seconds
/// (<see cref="ResticException.ExitCode"/> is then <see langword="null"/>); restic 0.14 fails at once. Check
/// that the server runs and that the repository address is right. An outage in the middle of a command is
/// left to restic's retries (bounded by <see cref="ResticClientOptions.NoProgressTimeout"/> when set). The native
/// reader throws it when a REST, S3 or SFTP server cannot be connected to, breaks a connection, or (REST, S3) answers 408, 429 or 5xx.
/// Transient: a server that restarts, a network that comes back or a name not yet in DNS make the same call succeed.
/// </summary>
public sealed class ResticBackendUnreachableException : ResticCommandException
{
    internal ResticBackendUnreachableException(string message, int? exitCode, string? commandLine, string? resticMessage, string? standardError)
        : base(message, exitCode, commandLine, resticMessage, standardError)
    {
    }

    /// <summary>True: the backend may be reachable on the next attempt.</summary>
    public override bool IsTransient => true;
}
