using System.Diagnostics;
using System.IO.Pipelines;
using System.IO.Pipes;
using System.Text;
using Restic.Net.Output;

namespace Restic.Net.Tests.Output;

public class StandardOutputReaderTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(64 * 1024)]
    public async Task Lines_InAnyChunking_ArriveWhole_WithoutTheirTerminators_AndACutLastLineIsReportedAsCut(int chunkSize)
    {
        var sink = new RecordingSink();

        await StandardOutputReader.ReadAsync(new ChunkedStream("first\r\n\nsecond line\nlast without LF"u8.ToArray(), chunkSize), new LineSplitter(sink), CancellationToken.None);

        Assert.Equal(["first", "", "second line"], sink.Lines);
        Assert.Equal("last without LF", sink.Cut);
    }

    [Theory]
    [InlineData(4096)]
    [InlineData(64 * 1024)]
    public async Task ALineLongerThanTheBufferAndThanOneRead_ArrivesWhole(int chunkSize)
    {
        // The splitter starts with 16 KiB and a read takes at most 64 KiB.
        var longLine = string.Concat(Enumerable.Range(0, 30_000).Select(i => (char)('a' + (i % 26))));
        var sink = new RecordingSink();

        await StandardOutputReader.ReadAsync(new ChunkedStream(Encoding.UTF8.GetBytes($"before\n{longLine}\r\nafter\n"), chunkSize), new LineSplitter(sink), CancellationToken.None);

        Assert.Equal(["before", longLine, "after"], sink.Lines);
    }

    [Fact]
    public async Task ARealPipe_IsReadAsItIsWritten_InOrder()
    {
        using var reader = new AnonymousPipeServerStream(PipeDirection.In);
        var sink = new RecordingSink();
        var reading = StandardOutputReader.ReadAsync(reader, new LineSplitter(sink), CancellationToken.None);

        var expected = new List<string>();
        using (var writer = new AnonymousPipeClientStream(PipeDirection.Out, reader.ClientSafePipeHandle))
        {
            // One write per line, as restic does, with pauses so that reads come both short and batched.
            for (var i = 0; i < 3000; i++)
            {
                var line = $"{{\"struct_type\":\"node\",\"name\":\"file-{i}\"}}";
                expected.Add(line);
                writer.Write(Encoding.UTF8.GetBytes(line + "\n"));
                if (i % 500 == 0)
                {
                    await Task.Delay(5);
                }
            }
        }

        await reading.WaitAsync(Patience);
        Assert.Equal(expected, sink.Lines);
    }

    [Fact]
    public async Task LinesWrittenOneByOne_AreGathered_OnAPipeThatCouldBeEnlarged()
    {
        using var reader = new AnonymousPipeServerStream(PipeDirection.In);
        var target = new CountingTarget(64 * 1024);
        var reading = StandardOutputReader.ReadAsync(reader, target, CancellationToken.None);

        const int Lines = 1000;
        var line = Encoding.UTF8.GetBytes(new string('x', 99) + "\n");
        using (var writer = new AnonymousPipeClientStream(PipeDirection.Out, reader.ClientSafePipeHandle))
        {
            // One write per line, about 20 µs apart: a reader that always waits wakes for nearly each.
            for (var i = 0; i < Lines; i++)
            {
                writer.Write(line);
                var spin = Stopwatch.StartNew();
                while (spin.Elapsed < TimeSpan.FromMicroseconds(20))
                {
                    Thread.SpinWait(10);
                }
            }
        }

        await reading.WaitAsync(Patience);
        Assert.Equal(Lines * line.Length, target.Bytes);
        if (OperatingSystem.IsLinux())
        {
            // A 1 ms pause after each short read gathers ~50 lines per read here.
            Assert.InRange(target.Commits, 1, Lines / 5);
        }
    }

    [Fact]
    public async Task Enlarge_GivesALinuxPipeRoomForAPauseOfTheReader()
    {
        using var reader = new AnonymousPipeServerStream(PipeDirection.In);
        using var writer = new AnonymousPipeClientStream(PipeDirection.Out, reader.ClientSafePipeHandle);

        var capacity = StandardOutputReader.Enlarge(reader);

        Assert.Equal(-1, StandardOutputReader.Enlarge(new MemoryStream()));
        if (!OperatingSystem.IsLinux())
        {
            Assert.Equal(-1, capacity);
            return;
        }

        Assert.Equal(StandardOutputReader.PipeCapacity, capacity);

        // With Linux's default 64 KiB this write would wait for a reader; now it fits.
        var payload = new byte[200 * 1024];
        await Task.Run(() => writer.Write(payload)).WaitAsync(Patience);
        var received = 0;
        var buffer = new byte[64 * 1024];
        while (received < payload.Length)
        {
            received += await reader.ReadAsync(buffer);
        }

        Assert.Equal(payload.Length, received);
    }

    [Fact]
    public async Task Cancelled_EndsWhileThePipeIsStillOpen_AndNothingMoreReachesTheTarget()
    {
        using var reader = new AnonymousPipeServerStream(PipeDirection.In);
        var writer = new AnonymousPipeClientStream(PipeDirection.Out, reader.ClientSafePipeHandle);
        var target = new CountingTarget();
        using var cancellation = new CancellationTokenSource();
        var reading = StandardOutputReader.ReadAsync(reader, target, cancellation.Token);

        writer.Write("seen\n"u8);
        while (Volatile.Read(ref target.Commits) == 0)
        {
            await Task.Delay(5);
        }

        // The pipe stays open, as if a descendant of a killed restic held it: the read still ends.
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.WaitAsync(Patience));
        Assert.True(target.Disposed.Task.IsCompleted);

        // The stream is no longer read, so disposing it does not wait for a pending read.
        writer.Write("dropped\n"u8);
        await writer.DisposeAsync();
        await Task.Run(reader.Dispose).WaitAsync(Patience);

        Assert.Equal(1, target.Commits);
        Assert.False(target.Ended);
    }

    [Fact]
    public async Task AFailingTarget_FailsTheRead_OnlyAfterStdoutWasDrained()
    {
        using var reader = new AnonymousPipeServerStream(PipeDirection.In);
        var target = new CountingTarget { FailOnCommit = new InvalidOperationException("sink failed") };
        var reading = StandardOutputReader.ReadAsync(reader, target, CancellationToken.None);

        using (var writer = new AnonymousPipeClientStream(PipeDirection.Out, reader.ClientSafePipeHandle))
        {
            // Far more than a pipe holds: a reader that stopped at the failure would block this writer.
            var payload = new byte[1024 * 1024];
            await Task.Run(() => writer.Write(payload)).WaitAsync(Patience);
        }

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => reading.WaitAsync(Patience));
        Assert.Equal("sink failed", failure.Message);
        Assert.Equal(1, target.Commits);
        Assert.True(target.Disposed.Task.IsCompleted);
    }

    [Fact]
    public async Task AFailingRead_FailsTheTask()
    {
        var target = new CountingTarget();

        var failure = await Assert.ThrowsAsync<IOException>(() => StandardOutputReader.ReadAsync(new FailingStream(), target, CancellationToken.None).WaitAsync(Patience));

        Assert.Equal("read failed", failure.Message);
        Assert.True(target.Disposed.Task.IsCompleted);
    }

    [Fact]
    public async Task IntoAnOutputPipe_EveryByteArrives()
    {
        var output = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"line {i}\n")));
        var pipe = new OutputPipe();

        await StandardOutputReader.ReadAsync(new ChunkedStream(output, 10_000), (IStandardOutputTarget)pipe.Writer, CancellationToken.None).WaitAsync(Patience);
        pipe.CompleteWriter();

        var received = new MemoryStream();
        await pipe.Reader.CopyToAsync(received);
        Assert.Equal(output, received.ToArray());
        Assert.True(pipe.HasData);
    }

    [Fact]
    public async Task IntoAnOutputPipe_WaitsForASlowReader_AndDropsTheRestOnceItLeaves()
    {
        var output = new byte[4 * OutputPipe.PauseThreshold];
        var pipe = new OutputPipe();

        var reading = StandardOutputReader.ReadAsync(new ChunkedStream(output, StandardOutputReader.ReadSize), (IStandardOutputTarget)pipe.Writer, CancellationToken.None);

        // Back-pressure: with nobody reading, restic's output stops at the pipe's threshold.
        await Task.Delay(300);
        Assert.False(reading.IsCompleted);
        var waiting = await pipe.Reader.ReadAsync();
        Assert.InRange(waiting.Buffer.Length, OutputPipe.PauseThreshold, OutputPipe.PauseThreshold + StandardOutputReader.ReadSize);
        pipe.Reader.AdvanceTo(waiting.Buffer.Start);

        // The reader leaves: the rest is read and dropped, so restic would not block.
        pipe.Abandon();
        await reading.WaitAsync(Patience);
    }

    private sealed class RecordingSink : IResticOutputSink
    {
        public List<string> Lines { get; } = [];

        public string? Cut { get; private set; }

        public void OnStandardOutputLine(ReadOnlySpan<byte> line) => Lines.Add(Encoding.UTF8.GetString(line));

        public void OnStandardErrorLine(string line)
        {
        }

        public void OnStandardOutputCut(ReadOnlySpan<byte> partial) => Cut = Encoding.UTF8.GetString(partial);
    }

    private sealed class CountingTarget(int bufferSize = 1024) : IStandardOutputTarget, IDisposable
    {
        private readonly byte[] _buffer = new byte[bufferSize];

        public int Commits;

        public long Bytes { get; private set; }

        public Exception? FailOnCommit { get; init; }

        public bool Ended { get; private set; }

        public TaskCompletionSource Disposed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Span<byte> GetBuffer() => _buffer;

        public void Commit(int count)
        {
            Bytes += count;
            Interlocked.Increment(ref Commits);
            if (FailOnCommit is { } failure)
            {
                throw failure;
            }
        }

        public void End() => Ended = true;

        public void Dispose() => Disposed.TrySetResult();
    }

    /// <summary>Returns its bytes at most <c>chunkSize</c> at a time, like a pipe that restic writes into in pieces.</summary>
    private sealed class ChunkedStream(byte[] bytes, int chunkSize) : MemoryStream(bytes, writable: false)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunkSize)]);
    }

    private sealed class FailingStream : MemoryStream
    {
        public override int Read(Span<byte> buffer) => throw new IOException("read failed");
    }
}
