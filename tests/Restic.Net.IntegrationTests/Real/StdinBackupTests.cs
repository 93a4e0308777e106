using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>Backups from a stream and from a command against the real restic; a failing producer must leave no snapshot.</summary>
public sealed class StdinBackupTests : IAsyncLifetime
{
    private readonly TempDirectory _root = new();
    private ResticClient _client = null!;
    private ResticVersion _version = null!;

    public async Task InitializeAsync()
    {
        _client = new ResticClient(TestRestic.Options(_root.Combine("repo"), _root.Combine("cache")));
        _version = await _client.GetVersionAsync();
        await TestRestic.InitializeAsync(_root.Combine("repo"));
    }

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }

    [Fact(Timeout = 120000)]
    public async Task BackupFromStreamAsync_Content_IsStoredAsOneByteIdenticalFile()
    {
        var content = RandomBytes(5 * 1024 * 1024, seed: 1);

        var summary = await _client.BackupFromStreamAsync(new MemoryStream(content), "db.sql", new StdinBackupOptions { Tags = ["db"] });

        Assert.True(summary.IsComplete);
        var snapshot = Assert.Single(await _client.GetSnapshotsAsync());
        Assert.Equal(["/db.sql"], snapshot.Paths);
        Assert.Equal(["db"], snapshot.Tags);
        using var dumped = new MemoryStream();
        await _client.DumpAsync(snapshot.Id, "/db.sql", dumped);
        Assert.True(dumped.ToArray().AsSpan().SequenceEqual(content), "the stored file differs from the stream");
    }

    [Fact(Timeout = 120000)]
    public async Task BackupFromStreamAsync_StreamFailsHalfway_LeavesNoSnapshotAndNoLock()
    {
        await _client.BackupFromStreamAsync(new MemoryStream(RandomBytes(1000, seed: 2)), "first.bin");
        var before = (await _client.GetSnapshotsAsync()).Count;

        var ex = await Assert.ThrowsAsync<IOException>(() =>
            _client.BackupFromStreamAsync(new FailingStream(RandomBytes(3 * 1024 * 1024, seed: 3)), "broken.bin"));

        Assert.Equal("the producer broke", ex.Message);
        Assert.Equal(before, (await _client.GetSnapshotsAsync()).Count);
        Assert.Empty(await _client.GetLocksAsync());
    }

    [Fact(Timeout = 120000)]
    public async Task BackupFromStreamAsync_CancelledWhileReading_LeavesNoSnapshot()
    {
        using var cts = new CancellationTokenSource();
        var endless = new EndlessStream(() => cts.CancelAfter(TimeSpan.FromMilliseconds(200)));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _client.BackupFromStreamAsync(endless, "endless.bin", cancellationToken: cts.Token));

        Assert.Empty(await _client.GetSnapshotsAsync());
        Assert.Empty(await _client.GetLocksAsync());
    }

    [Fact(Timeout = 120000)]
    public async Task BackupFromCommandAsync_SucceedingAndFailingCommand_StoresOnlyTheSuccessfulOutput()
    {
        if (!_version.Capabilities.StdinFromCommand)
        {
            var ex = await Assert.ThrowsAsync<ResticNotSupportedException>(() => _client.BackupFromCommandAsync(["sh", "-c", "echo x"], "x.txt"));
            Assert.Equal(new Version(0, 17, 0), ex.RequiredVersion);
            return;
        }

        var summary = await _client.BackupFromCommandAsync(["sh", "-c", "printf 'line one\\nline two\\n'"], "out.txt");
        Assert.True(summary.IsComplete);

        var failure = await Assert.ThrowsAsync<ResticCommandException>(() =>
            _client.BackupFromCommandAsync(["sh", "-c", "head -c 2000000 /dev/zero; exit 4"], "partial.txt"));

        // restic either reports the command's status or, when it notices the failure while reading, cancels itself and
        // exits as interrupted (130); both are a typed failure with no snapshot (seen on 0.19.1 under load).
        Assert.True(
            failure.Message.Contains("exit status 4", StringComparison.Ordinal) || failure.Message.Contains("signal 2", StringComparison.Ordinal),
            failure.Message);
        var snapshot = Assert.Single(await _client.GetSnapshotsAsync());
        Assert.Equal(["/out.txt"], snapshot.Paths);
        using var dumped = new MemoryStream();
        await _client.DumpAsync(snapshot.Id, "/out.txt", dumped);
        Assert.Equal("line one\nline two\n", System.Text.Encoding.UTF8.GetString(dumped.ToArray()));
    }

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Yields its data, then throws instead of reporting the end.</summary>
    private sealed class FailingStream(byte[] data) : MemoryStream(data)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            return read > 0 ? read : throw new IOException("the producer broke");
        }
    }

    /// <summary>Never ends; calls <paramref name="onFirstRead"/> once.</summary>
    private sealed class EndlessStream(Action onFirstRead) : Stream
    {
        private int _reads;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _reads) == 1)
            {
                onFirstRead();
            }

            await Task.Delay(5, cancellationToken);
            buffer.Span.Fill(7);
            return buffer.Length;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
