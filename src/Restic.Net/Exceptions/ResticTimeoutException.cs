namespace Restic.Net;

/// <summary>
/// restic made no progress for <see cref="ResticClientOptions.NoProgressTimeout"/> and was stopped
/// (SIGINT, then a kill after <see cref="ResticClientOptions.ShutdownTimeout"/>), or a native read from a REST
/// server did not complete within its request timeout. Transient: the backend that stalled may answer on the next
/// attempt. Not a <see cref="ResticCommandException"/>: restic did not fail, the client stopped it.
/// </summary>
public sealed class ResticTimeoutException : ResticException
{
    internal ResticTimeoutException(string message, int? exitCode, string? commandLine, string? standardError, TimeSpan timeout)
        : base(message, exitCode, commandLine, null, standardError) => Timeout = timeout;

    /// <summary>The timeout that expired: <see cref="ResticClientOptions.NoProgressTimeout"/>, or the native reader's request timeout.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>True: the backend that stalled may answer on the next attempt.</summary>
    public override bool IsTransient => true;
}
