using Restic.Net.Execution;

namespace Restic.Net.Output;

/// <summary>
/// A running command whose stdout flows through an <see cref="OutputPipe"/>. Disposing it before the
/// run has ended stops restic gracefully (SIGINT, so that it removes its lock) and waits for it.
/// </summary>
internal sealed class PipedRun(OutputPipe pipe, Task<ResticRun> completion, CancellationTokenSource stop) : IAsyncDisposable
{
    public OutputPipe Pipe { get; } = pipe;

    /// <summary>The run; faults with the typed exception when restic failed.</summary>
    public Task<ResticRun> Completion { get; } = completion;

    public async ValueTask DisposeAsync()
    {
        if (!Completion.IsCompleted)
        {
            Pipe.Abandon();
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await Completion.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The reader stopped early; restic was interrupted on its behalf.
            }
            catch (ResticException)
            {
                // Interrupted restic versions may exit with a failure code; the reader is gone.
            }
        }
        else
        {
            Pipe.Abandon();
            _ = Completion.Exception; // observed: the reader decided not to look at it
        }

        stop.Dispose();
    }
}
