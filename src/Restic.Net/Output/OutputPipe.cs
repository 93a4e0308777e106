using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace Restic.Net.Output;

/// <summary>
/// Carries restic's raw stdout to a reader with back-pressure: restic blocks on a full pipe instead
/// of the client buffering everything (constant memory for listings of any size). When the reader
/// gives up early, the pipe is abandoned: what restic still writes is dropped, so that restic never
/// blocks while it handles its interrupt and removes its lock.
/// </summary>
internal sealed class OutputPipe
{
    /// <summary>restic is paused once this much output waits for the reader.</summary>
    public const int PauseThreshold = 1024 * 1024;

    private readonly Pipe _pipe = new(new PipeOptions(
        pauseWriterThreshold: PauseThreshold,
        resumeWriterThreshold: PauseThreshold / 2,
        minimumSegmentSize: 16 * 1024,
        useSynchronizationContext: false));

    private int _abandoned;
    private long _written;

    public OutputPipe() => Writer = new WriterStream(this);

    /// <summary>The stream restic's stdout is copied into.</summary>
    public Stream Writer { get; }

    /// <summary>The reading end.</summary>
    public PipeReader Reader => _pipe.Reader;

    /// <summary>Whether restic wrote anything (a run that did may not be retried).</summary>
    public bool HasData => Interlocked.Read(ref _written) > 0;

    /// <summary>Marks the end of the output: the run has ended.</summary>
    public void CompleteWriter(Exception? error = null) => _pipe.Writer.Complete(error);

    /// <summary>The reader is gone: drop the rest of the output.</summary>
    public void Abandon()
    {
        if (Interlocked.Exchange(ref _abandoned, 1) == 0)
        {
            _pipe.Reader.Complete();
        }
    }

    /// <summary>
    /// Splits <paramref name="buffer"/> into LF-terminated lines (a trailing CR is dropped) and returns
    /// the position after the last complete line; with <paramref name="isFinal"/>, a last line without
    /// LF counts too. Lines are handed over in place; only a line that spans two segments of the pipe
    /// is copied, into a pooled buffer.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SequencePosition ReadLines(ReadOnlySequence<byte> buffer, bool isFinal, LineHandler onLine)
    {
        if (buffer.IsSingleSegment)
        {
            var span = buffer.FirstSpan;
            var consumed = ReadCompleteLines(span, onLine);
            if (isFinal && consumed < span.Length)
            {
                throw Cut(span[consumed..]);
            }

            return buffer.GetPosition(consumed);
        }

        // Several segments: a line may start in one and end in a later one.
        byte[]? carry = null;
        var carried = 0;
        long passed = 0; // bytes in the segments before this one
        long lineStart = 0; // offset of the first byte not yet handed over
        try
        {
            foreach (var memory in buffer)
            {
                var span = memory.Span;
                var newline = span.IndexOf((byte)'\n');
                if (newline < 0)
                {
                    Append(ref carry, ref carried, span);
                    passed += span.Length;
                    continue;
                }

                if (carried > 0)
                {
                    Append(ref carry, ref carried, span[..newline]);
                    Emit(carry.AsSpan(0, carried), onLine);
                    carried = 0;
                }
                else
                {
                    Emit(span[..newline], onLine);
                }

                var rest = span[(newline + 1)..];
                var used = ReadCompleteLines(rest, onLine);
                lineStart = passed + newline + 1 + used;
                Append(ref carry, ref carried, rest[used..]);
                passed += span.Length;
            }

            if (isFinal && carried > 0)
            {
                throw Cut(carry.AsSpan(0, carried));
            }

            return buffer.GetPosition(lineStart);
        }
        finally
        {
            if (carry is not null)
            {
                ArrayPool<byte>.Shared.Return(carry);
            }
        }
    }

    /// <summary>Hands over every LF-terminated line of <paramref name="span"/>; returns the bytes they took.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ReadCompleteLines(ReadOnlySpan<byte> span, LineHandler onLine)
    {
        var start = 0;
        int newline;
        while ((newline = span[start..].IndexOf((byte)'\n')) >= 0)
        {
            Emit(span.Slice(start, newline), onLine);
            start += newline + 1;
        }

        return start;
    }

    // restic ends every line: a last line without its LF means the output was cut (restic killed, a
    // truncated pipe), and ending the listing without it would lose an entry silently.
    private static ResticOutputException Cut(ReadOnlySpan<byte> partial)
    {
        const int Shown = 200;
        var text = System.Text.Encoding.UTF8.GetString(partial.Length > Shown ? partial[..Shown] : partial) + (partial.Length > Shown ? "…" : string.Empty);
        return new ResticOutputException(
            $"restic's output ended in the middle of a line ({partial.Length} bytes without a line end): the output was cut, and the listing is incomplete.",
            null, null, null, null, text);
    }

    private static void Emit(ReadOnlySpan<byte> line, LineHandler onLine) =>
        onLine(!line.IsEmpty && line[^1] == (byte)'\r' ? line[..^1] : line);

    private static void Append(ref byte[]? carry, ref int carried, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        if (carry is null || carry.Length - carried < bytes.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(carried + bytes.Length, carry is null ? 4096 : carry.Length * 2));
            if (carry is not null)
            {
                carry.AsSpan(0, carried).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(carry);
            }

            carry = larger;
        }

        bytes.CopyTo(carry.AsSpan(carried));
        carried += bytes.Length;
    }

    /// <summary>Receives one line; the span is valid only during the call.</summary>
    public delegate void LineHandler(ReadOnlySpan<byte> line);

    /// <summary>
    /// The writing end: a stream (what a test's fake restic writes into), and the target that
    /// <see cref="StandardOutputReader"/> fills from restic's stdout.
    /// </summary>
    private sealed class WriterStream(OutputPipe owner) : Stream, IStandardOutputTarget
    {
        private byte[]? _readBuffer;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            // Dropped data completes at once: the token must still end the copy.
            cancellationToken.ThrowIfCancellationRequested();
            if (Volatile.Read(ref owner._abandoned) == 1 || buffer.IsEmpty)
            {
                // Dropped, but a cancelled copy must still end: a writer that loops on a dropping
                // stream would otherwise spin forever (and keep the repository gate).
                cancellationToken.ThrowIfCancellationRequested();
                return;
            }

            Interlocked.Add(ref owner._written, buffer.Length);

            // Waits while the reader is behind; completes at once when the reader has been abandoned.
            await owner._pipe.Writer.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// restic's stdout is read into a buffer of its own and copied into the pipe's small segments,
        /// rather than read into a segment as large as the largest read (which would hold 64 KiB for
        /// every few lines while restic is slow).
        /// </summary>
        public Span<byte> GetBuffer() => _readBuffer ??= new byte[StandardOutputReader.ReadSize];

        public void Commit(int count)
        {
            // Once the reader is gone, restic's output is read and dropped, so that restic never blocks.
            if (Volatile.Read(ref owner._abandoned) == 1)
            {
                return;
            }

            Interlocked.Add(ref owner._written, count);
            owner._pipe.Writer.Write(_readBuffer.AsSpan(0, count));

            // Blocks this (the reader's own) thread while the consumer is behind: restic waits too.
            var flush = owner._pipe.Writer.FlushAsync();
            if (!flush.IsCompleted)
            {
                flush.AsTask().GetAwaiter().GetResult();
            }
        }

        public void End()
        {
            // The run completes the pipe once restic has exited.
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) =>
            WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
