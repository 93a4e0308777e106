namespace Restic.Net;

/// <summary>
/// Another process holds a conflicting lock on the repository (restic exit code 11; recognised from
/// the message on restic before 0.17). <see cref="LockHolder"/> says who, when restic printed it.
/// </summary>
public sealed class ResticRepositoryLockedException : ResticException
{
    internal ResticRepositoryLockedException(string message, int? exitCode, string? commandLine, string? resticMessage, string? standardError, string? lockHolder)
        : base(message, exitCode, commandLine, resticMessage, standardError) => LockHolder = lockHolder;

    /// <summary>restic's description of the lock, for example <c>PID 4242 on host by user (UID 0, GID 0)</c>.</summary>
    public string? LockHolder { get; }
}
