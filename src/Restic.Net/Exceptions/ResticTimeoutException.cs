namespace Restic.Net;

/// <summary>
/// restic made no progress for <see cref="ResticClientOptions.NoProgressTimeout"/> and was stopped
/// (SIGINT, then a kill after <see cref="ResticClientOptions.ShutdownTimeout"/>).
/// </summary>
public sealed class ResticTimeoutException : ResticException
{
    internal ResticTimeoutException(string message, int? exitCode, string? commandLine, string? standardError, TimeSpan timeout)
        : base(message, exitCode, commandLine, null, standardError) => Timeout = timeout;

    /// <summary>The no-progress timeout that expired.</summary>
    public TimeSpan Timeout { get; }
}
