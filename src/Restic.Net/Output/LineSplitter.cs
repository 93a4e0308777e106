using System.Buffers;

namespace Restic.Net.Output;

/// <summary>
/// Splits stdout into lines (LF or CRLF) without decoding it, in one pooled buffer that grows only
/// for a line longer than itself. Fed by <see cref="StandardOutputReader"/>; the last line may lack
/// its LF.
/// </summary>
internal sealed class LineSplitter(IResticOutputSink sink) : IStandardOutputTarget, IDisposable
{
    private const int InitialBufferSize = 16 * 1024;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    private int _filled;

    public Span<byte> GetBuffer()
    {
        if (_filled == _buffer.Length)
        {
            // A line longer than the buffer: grow it.
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _filled).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        return _buffer.AsSpan(_filled);
    }

    public void Commit(int count)
    {
        var scanFrom = _filled;
        _filled += count;
        var start = 0;
        int newline;
        while ((newline = _buffer.AsSpan(scanFrom, _filled - scanFrom).IndexOf((byte)'\n')) >= 0)
        {
            var end = scanFrom + newline;
            Emit(_buffer.AsSpan(start, end - start));
            start = end + 1;
            scanFrom = start;
        }

        if (start > 0)
        {
            _buffer.AsSpan(start, _filled - start).CopyTo(_buffer);
            _filled -= start;
        }
    }

    public void End()
    {
        if (_filled > 0)
        {
            // restic ends every line: a last line without its LF was cut, and is not handed over as a line.
            sink.OnStandardOutputCut(_buffer.AsSpan(0, _filled));
            _filled = 0;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Emit(ReadOnlySpan<byte> line) =>
        sink.OnStandardOutputLine(!line.IsEmpty && line[^1] == (byte)'\r' ? line[..^1] : line);
}
