using System.Buffers;
using System.ComponentModel;
using System.Runtime.ExceptionServices;
using System.Text;
using CliWrap;
using Restic.Net.Output;

namespace Restic.Net.Processes;

/// <summary>Runs restic through CliWrap with graceful (SIGINT) then forceful cancellation.</summary>
internal sealed class CliWrapProcessRunner : IResticProcessRunner
{
    public static CliWrapProcessRunner Instance { get; } = new();

    public async Task<int> RunAsync(ResticInvocation invocation, IResticOutputSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(sink);

        // Graceful stop: the caller's token, or a failing standard input.
        using var graceful = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ExceptionDispatchInfo? inputFailure = null;
        var standardInput = invocation.StandardInput is { } input
            ? PipeSource.Create(async (destination, ct) =>
            {
                var failure = await CopyInputAsync(input, destination, graceful, ct).ConfigureAwait(false);
                inputFailure ??= failure;
            })
            : PipeSource.Null;

        // CliWrap's own validation is off: its exception text would embed argv and stderr.
        var command = Cli.Wrap(invocation.BinaryPath)
            .WithArguments(invocation.Arguments)
            .WithEnvironmentVariables(invocation.Environment)
            .WithValidation(CommandResultValidation.None)
            .WithStandardInputPipe(standardInput)
            .WithStandardOutputPipe(invocation.StandardOutput switch
            {
                IStandardOutputTarget target => PipeTarget.Create((stream, ct) => StandardOutputReader.ReadAsync(stream, target, ct)),
                { } output => PipeTarget.ToStream(output),
                null => PipeTarget.Create((stream, ct) => StandardOutputReader.ReadAsync(stream, new LineSplitter(sink), ct)),
            })
            .WithStandardErrorPipe(PipeTarget.ToDelegate(sink.OnStandardErrorLine, Encoding.UTF8));

        // The graceful token sends SIGINT (restic removes its lock); a kill follows after the timeout.
        using var forceful = new CancellationTokenSource();
        await using var escalation = graceful.Token.Register(
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
            var task = command.ExecuteAsync(forceful.Token, graceful.Token);
            processId = task.ProcessId;
            sink.OnProcessStarted(processId);
            var result = await task.ConfigureAwait(false);
            inputFailure?.Throw();
            return result.ExitCode;
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            // The forceful token fires only after the shutdown timeout: restic ignored SIGINT and was killed.
            throw forceful.IsCancellationRequested
                ? new ResticProcessKilledException(processId, ex, cancellationToken)
                : new ResticProcessInterruptedException(processId, ex, cancellationToken);
        }
        catch (OperationCanceledException) when (inputFailure is not null)
        {
            // restic was interrupted because its input failed: the input's failure is the cause.
            inputFailure.Throw();
            throw;
        }
        catch (Exception ex) when (IsArgumentListTooLong(ex))
        {
            // E2BIG: the command line and environment exceed the system's limit; restic exists.
            throw new ArgumentException(
                $"The command line for restic ({invocation.Arguments.Count} arguments) and its environment are longer than the operating system allows (E2BIG, 'Argument list too long'). Pass fewer or shorter values.",
                nameof(invocation),
                ex);
        }
        catch (Exception ex) when (IsStartFailure(ex))
        {
            throw new ResticBinaryNotFoundException(invocation.BinaryPath, ex);
        }
    }

    /// <summary>
    /// Copies the input into restic's stdin. When reading the input fails, restic is interrupted
    /// while its stdin stays open (closing it would let restic store the truncated data as complete),
    /// and the copy waits until CliWrap cancels it after restic has exited.
    /// </summary>
    private static async Task<ExceptionDispatchInfo?> CopyInputAsync(Stream input, Stream destination, CancellationTokenSource interrupt, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception ex)
                {
                    var failure = ExceptionDispatchInfo.Capture(ex);
                    await interrupt.CancelAsync().ConfigureAwait(false);
                    try
                    {
                        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        // restic has exited; now stdin may close.
                    }

                    return failure;
                }

                if (read == 0)
                {
                    return null;
                }

                // An IOException here means restic closed its stdin (it exited); CliWrap expects and ignores it.
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // errno E2BIG (7 on Linux and macOS) from exec.
    private static bool IsArgumentListTooLong(Exception ex) =>
        (ex as Win32Exception ?? ex.InnerException as Win32Exception) is { NativeErrorCode: 7 } && !OperatingSystem.IsWindows();

    private static bool IsStartFailure(Exception ex) =>
        ex is Win32Exception || (ex is InvalidOperationException && ex.InnerException is Win32Exception);
}
