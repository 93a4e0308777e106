namespace Restic.Net.IntegrationTests.Support;

/// <summary>Completes <paramref name="running"/> at the first backup report with bytes done: restic holds its lock and reads data.</summary>
internal sealed class FirstBytesProgress(TaskCompletionSource running) : IProgress<BackupProgress>
{
    public void Report(BackupProgress value)
    {
        if (value.BytesDone > 0)
        {
            running.TrySetResult();
        }
    }
}
