using System.ComponentModel;
using System.Text;
using CliWrap;

namespace Restic.Net.Execution;

/// <summary>Runs restic through CliWrap with graceful (SIGINT) then forceful cancellation.</summary>
internal sealed class CliWrapProcessRunner : IResticProcessRunner
{
    public static CliWrapProcessRunner Instance { get; } = new();

    public async Task<int> RunAsync(ResticInvocation invocation, IResticOutputSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(sink);

        // CliWrap's own validation is off: its exception text would embed argv and stderr.
        var command = Cli.Wrap(invocation.BinaryPath)
            .WithArguments(invocation.Arguments)
            .WithEnvironmentVariables(invocation.Environment)
            .WithValidation(CommandResultValidation.None)
            .WithStandardInputPipe(invocation.StandardInput is { } input ? PipeSource.FromStream(input) : PipeSource.Null)
            .WithStandardOutputPipe(PipeTarget.Create((stream, ct) =>
                LineSplitter.ReadLinesAsync(stream, line => sink.OnStandardOutputLine(line.Span), ct)))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(sink.OnStandardErrorLine, Encoding.UTF8));

        // The caller's token is graceful (SIGINT, restic removes its lock); a kill follows after the timeout.
        using var forceful = new CancellationTokenSource();
        await using var escalation = cancellationToken.Register(
            static state =>
            {
                var (cts, timeout) = ((CancellationTokenSource, TimeSpan))state!;
                try
                {
                    cts.CancelAfter(timeout);
                }
                catch (ObjectDisposedException)
                {
                    // The run finished while the token fired.
                }
            },
            (forceful, invocation.ShutdownTimeout)).ConfigureAwait(false);

        var processId = 0;
        try
        {
            var task = command.ExecuteAsync(forceful.Token, cancellationToken);
            processId = task.ProcessId;
            var result = await task.ConfigureAwait(false);
            return result.ExitCode;
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            // The forceful token fires only after the shutdown timeout: restic ignored SIGINT and was killed.
            throw forceful.IsCancellationRequested
                ? new ResticProcessKilledException(processId, ex, cancellationToken)
                : new OperationCanceledException("The restic command was cancelled.", ex, cancellationToken);
        }
        catch (Exception ex) when (IsStartFailure(ex))
        {
            throw new ResticBinaryNotFoundException(invocation.BinaryPath, ex);
        }
    }

    private static bool IsStartFailure(Exception ex) =>
        ex is Win32Exception || (ex is InvalidOperationException && ex.InnerException is Win32Exception);
}
