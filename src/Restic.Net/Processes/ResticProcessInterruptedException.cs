namespace Restic.Net.Processes;

/// <summary>
/// A cancelled restic received SIGINT and exited by itself (the graceful end of the cancellation
/// ladder). Carries the pid, by which a lock it may still have left can be recognised (restic before
/// 0.18, interrupted right after it created its lock).
/// </summary>
internal sealed class ResticProcessInterruptedException(int processId, Exception innerException, CancellationToken cancellationToken)
    : OperationCanceledException("The restic command was cancelled.", innerException, cancellationToken)
{
    public int ProcessId { get; } = processId;
}
