namespace Restic.Net;

/// <summary>
/// Another process holds a conflicting lock on the repository (restic exit code 11; recognised from
/// the message on restic before 0.17). <see cref="LockHolder"/> says who, when restic printed it.
/// Transient: the holder usually finishes, and the same call then succeeds (<see cref="ResticClientOptions.LockWaitTimeout"/>
/// waits for it). A lock whose holder is gone stays until it is removed (<see cref="IResticClient.UnlockAsync"/>).
/// </summary>
public sealed class ResticRepositoryLockedException : ResticCommandException
{
    internal ResticRepositoryLockedException(string message, int? exitCode, string? commandLine, string? resticMessage, string? standardError, string? lockHolder)
        : base(message, exitCode, commandLine, resticMessage, standardError) => LockHolder = lockHolder;

    /// <summary>restic's description of the lock, for example <c>PID 4242 on host by user (UID 0, GID 0)</c>.</summary>
    public string? LockHolder { get; }

    /// <summary>True: the lock is released when its holder finishes.</summary>
    public override bool IsTransient => true;
}
