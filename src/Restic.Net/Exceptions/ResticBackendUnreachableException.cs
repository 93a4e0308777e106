namespace Restic.Net;

/// <summary>
/// The storage backend could not be reached when restic opened the repository: the connection was refused
/// or the host name is unknown. restic 0.15+ retries this for about 15 minutes without other output; the
/// client stops it at its first retry notice and throws this exception within seconds
/// (<see cref="ResticException.ExitCode"/> is then <see langword="null"/>); restic 0.14 fails at once. Check
/// that the server runs and that the repository address is right. An outage in the middle of a command is
/// left to restic's retries (bounded by <see cref="ResticClientOptions.NoProgressTimeout"/> when set).
/// </summary>
public sealed class ResticBackendUnreachableException : ResticException
{
    internal ResticBackendUnreachableException(string message, int? exitCode, string? commandLine, string? resticMessage, string? standardError)
        : base(message, exitCode, commandLine, resticMessage, standardError)
    {
    }
}
