using System.IO.Pipes;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace Restic.Net.Output;

/// <summary>
/// Reads restic's stdout in batches, on a thread of its own with blocking reads. restic writes every
/// line with its own system call; a reader that always waits for the next one wakes once per line
/// (through the thread pool, for an asynchronous read), which costs far more than parsing the line.
/// After a short read this reader pauses for a millisecond instead, so that restic's next lines collect
/// in the kernel's pipe buffer, and takes them with one read: at most about a thousand wake-ups a
/// second, whatever restic prints, for at most a millisecond of added latency. It pauses only on a
/// pipe it could enlarge (Linux); elsewhere it reads as output comes.
/// </summary>
internal static partial class StandardOutputReader
{
    /// <summary>The largest read.</summary>
    public const int ReadSize = 64 * 1024;

    /// <summary>
    /// The capacity asked of the pipe on Linux (the default is 64 KiB), so that a pause never blocks
    /// restic: it fills 256 KiB in about 10 ms at its fastest output (<c>ls</c>, ~25 MB/s).
    /// </summary>
    public const int PipeCapacity = 256 * 1024;

    /// <summary>A read shorter than this means restic is slower than the reader: pause before the next.</summary>
    private const int ShortRead = ReadSize / 2;

    /// <summary>How often a wait for output checks whether the run has been given up.</summary>
    private const int PollMilliseconds = 200;

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// Reads <paramref name="standardOutput"/> to its end into <paramref name="target"/>. When
    /// <paramref name="cancellationToken"/> fires (restic is being killed), nothing more reaches the
    /// target: what restic still wrote is dropped until the pipe closes, and on Unix the read also ends
    /// if the pipe stays open (a descendant of restic holding it) after a short wait.
    /// </summary>
    /// <remarks>
    /// The task ends only when the thread no longer reads: disposing a pipe stream waits for a pending
    /// read, and the caller (CliWrap) disposes stdout as soon as this task ends, on the thread that
    /// cancelled, before it kills the process.
    /// </remarks>
    public static Task ReadAsync(Stream standardOutput, IStandardOutputTarget target, CancellationToken cancellationToken)
    {
        var run = new Run(standardOutput, target, cancellationToken);
        var thread = new Thread(static state => ((Run)state!).ReadToEnd())
        {
            IsBackground = true,
            Name = "restic stdout",
        };
        thread.Start(run);
        return run.Completion.Task;
    }

    /// <summary>
    /// Asks Linux for a pipe of <see cref="PipeCapacity"/>; returns the pipe's capacity then, or -1 when
    /// the stream is not a pipe, the system is not Linux, or the request was refused (the user's pipe
    /// quota is spent): the pipe keeps its size, and the reader does not pause.
    /// </summary>
    internal static int Enlarge(Stream standardOutput) =>
        OperatingSystem.IsLinux() && standardOutput is PipeStream { CanRead: true, SafePipeHandle: { IsInvalid: false } handle }
            ? NativeMethods.SetPipeSize(handle, NativeMethods.SetPipeSizeCommand, PipeCapacity)
            : -1;

    private sealed class Run(Stream standardOutput, IStandardOutputTarget target, CancellationToken cancellationToken)
    {
        private byte[]? _discard;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void ReadToEnd()
        {
            ExceptionDispatchInfo? failure = null;

            // Completed only after the target was disposed: a caller that saw the read end may rely on it.
            Action complete;
            var handle = OperatingSystem.IsWindows() ? null : (standardOutput as PipeStream)?.SafePipeHandle;
            var addedReference = false;
            try
            {
                // Held so that the descriptor polled below stays this pipe's.
                handle?.DangerousAddRef(ref addedReference);
                // Pausing pays only where restic cannot fill the pipe meanwhile: a 4 KiB Windows pipe
                // would block it, and a sleep there lasts up to 15.6 ms.
                var gather = Enlarge(standardOutput) >= PipeCapacity;
                var detached = false;
                while (true)
                {
                    if (addedReference && !WaitForOutput(handle!))
                    {
                        break; // given up, and restic's end of the pipe is still open
                    }

                    detached |= cancellationToken.IsCancellationRequested;
                    Span<byte> buffer = detached ? (_discard ??= new byte[ReadSize]) : target.GetBuffer();
                    var read = standardOutput.Read(buffer.Length > ReadSize ? buffer[..ReadSize] : buffer);
                    if (read == 0)
                    {
                        break;
                    }

                    // Checked again: the run may have been given up while this thread waited in the read.
                    detached |= cancellationToken.IsCancellationRequested;
                    if (!detached)
                    {
                        try
                        {
                            target.Commit(read);
                        }
                        catch (Exception ex)
                        {
                            // Reported when stdout ends; until then restic's output is drained, or
                            // restic would block on a full pipe and never exit.
                            failure ??= ExceptionDispatchInfo.Capture(ex);
                            detached = true;
                        }
                    }

                    if (gather && read < ShortRead)
                    {
                        Thread.Sleep(Pause);
                    }
                }

                failure?.Throw();
                if (cancellationToken.IsCancellationRequested)
                {
                    complete = () => Completion.TrySetCanceled(cancellationToken);
                }
                else
                {
                    target.End();
                    complete = () => Completion.TrySetResult();
                }
            }
            catch (Exception ex)
            {
                complete = () => Completion.TrySetException(ex);
            }
            finally
            {
                if (addedReference)
                {
                    handle!.DangerousRelease();
                }

                // The target's buffers are used on this thread only, so they are let go here too.
                (target as IDisposable)?.Dispose();
            }

            complete();
        }

        /// <summary>
        /// Waits until the pipe has output or has closed: true then; false when the run has been given
        /// up and the pipe is still open. restic's exit closes its end at once; only a descendant that
        /// kept it (none of restic's do) would leave a blocking read waiting forever.
        /// </summary>
        private bool WaitForOutput(SafeHandle handle)
        {
            var descriptor = new NativeMethods.PollDescriptor
            {
                Descriptor = (int)handle.DangerousGetHandle(),
                Events = NativeMethods.PollIn,
            };
            while (true)
            {
                var ready = NativeMethods.Poll(ref descriptor, 1, PollMilliseconds);
                if (ready > 0 || (ready < 0 && Marshal.GetLastPInvokeError() != NativeMethods.Interrupted))
                {
                    // Output, end of file, or an error that the read itself will report.
                    return true;
                }

                if (cancellationToken.IsCancellationRequested)
                {
                    return false;
                }
            }
        }
    }

    private static partial class NativeMethods
    {
        /// <summary>F_SETPIPE_SZ (Linux).</summary>
        public const int SetPipeSizeCommand = 1031;

        /// <summary>POLLIN.</summary>
        public const short PollIn = 1;

        /// <summary>EINTR: a signal arrived during the wait.</summary>
        public const int Interrupted = 4;

        [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
        public static partial int SetPipeSize(SafeHandle fd, int command, int size);

        [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
        public static partial int Poll(ref PollDescriptor descriptors, nuint count, int timeoutMilliseconds);

        /// <summary>struct pollfd.</summary>
        [StructLayout(LayoutKind.Sequential)]
        public struct PollDescriptor
        {
            public int Descriptor;
            public short Events;
            public short ReturnedEvents;
        }
    }
}
