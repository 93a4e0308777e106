namespace Restic.Net.Processes;

/// <summary>
/// A cancelled restic did not stop within the shutdown timeout after SIGINT and was killed: it could
/// not remove its lock. Carries the pid, by which its lock can be recognised.
/// </summary>
internal sealed class ResticProcessKilledException(int processId, Exception innerException, CancellationToken cancellationToken)
    : OperationCanceledException($"restic (pid {processId}) did not stop after SIGINT within the shutdown timeout and was killed.", innerException, cancellationToken)
{
    public int ProcessId { get; } = processId;
}
