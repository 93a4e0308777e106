using Restic.Net.CommandLines;
using Restic.Net.Execution;
using Restic.Net.Output;
using Restic.Net.Secrets;

namespace Restic.Net;

public partial class ResticClient
{
    /// <summary>
    /// Starts a command whose stdout is read through a pipe with back-pressure. Cancelling either
    /// token interrupts restic gracefully; the resulting <see cref="OperationCanceledException"/>
    /// carries the token that was cancelled.
    /// </summary>
    private PipedRun StartPiped(
        ResticCommand command,
        Func<ResticRun, bool>? isAccepted,
        CancellationToken callerToken,
        CancellationToken enumeratorToken = default)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(callerToken, enumeratorToken);
        var pipe = new OutputPipe();
        var run = RunPipedAsync(command with { StandardOutput = pipe.Writer }, pipe, isAccepted, stop.Token, callerToken, enumeratorToken);
        return new PipedRun(pipe, run, stop);
    }

    private async Task<ResticRun> RunPipedAsync(
        ResticCommand command,
        OutputPipe pipe,
        Func<ResticRun, bool>? isAccepted,
        CancellationToken processToken,
        CancellationToken callerToken,
        CancellationToken enumeratorToken)
    {
        try
        {
            var run = await _executor.RunAsync(command, NullSink.Instance, processToken, isAccepted, () => pipe.HasData).ConfigureAwait(false);
            LogCompleted(run);
            return run;
        }
        catch (OperationCanceledException ex) when (callerToken.IsCancellationRequested || enumeratorToken.IsCancellationRequested)
        {
            var token = callerToken.IsCancellationRequested ? callerToken : enumeratorToken;
            if (ex.CancellationToken == token)
            {
                throw;
            }

            throw new OperationCanceledException(ex.Message, ex, token);
        }
        finally
        {
            pipe.CompleteWriter();
        }
    }

    /// <summary>
    /// Reads the pipe line by line and yields what <paramref name="parse"/> makes of each line, in
    /// batches per read: memory stays bounded by the pipe, whatever restic prints. Ends by awaiting
    /// the run, so that a failure of restic throws its typed exception after the last item. A line
    /// that cannot be read, or output that ends in the middle of a line, throws
    /// <see cref="ResticOutputException"/> after every item read before it was yielded.
    /// </summary>
    private async IAsyncEnumerable<T> ReadLinesAsync<T>(PipedRun piped, Action<ReadOnlySpan<byte>, List<T>> parse)
    {
        var reader = piped.Pipe.Reader;
        var batch = new List<T>();
        ResticOutputException? broken = null;
        OutputPipe.LineHandler onLine = line =>
        {
            if (broken is not null)
            {
                return; // nothing after a line that could not be read
            }

            try
            {
                parse(line, batch);
            }
            catch (ResticOutputException ex)
            {
                broken = ex;
            }
        };

        while (broken is null)
        {
            // Not cancelled here: cancellation reaches restic as SIGINT, and the pipe ends when restic has exited.
            var result = await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false);
            SequencePosition consumed;
            try
            {
                consumed = OutputPipe.ReadLines(result.Buffer, result.IsCompleted, onLine);
            }
            catch (ResticOutputException ex)
            {
                broken = ex; // the output was cut
                consumed = result.Buffer.End;
            }

            reader.AdvanceTo(consumed, result.Buffer.End);
            foreach (var item in batch)
            {
                yield return item;
            }

            batch.Clear();
            if (result.IsCompleted)
            {
                break;
            }
        }

        if (broken is not null)
        {
            // Output broken because restic failed is better explained by restic's own error.
            piped.Pipe.Abandon();
            var run = await piped.Completion.ConfigureAwait(false);
            throw new ResticOutputException(
                broken.Message, run.ExitCode, run.CommandLine, run.StandardError, broken,
                broken.OutputLine is { } line ? _executor.Settings.Redactor.Redact(line) : null);
        }

        await piped.Completion.ConfigureAwait(false);
    }
}
