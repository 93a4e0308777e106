using System.Buffers;

namespace Restic.Net.Execution;

/// <summary>Splits a byte stream into lines (LF or CRLF) without decoding it, reusing one pooled buffer.</summary>
internal static class LineSplitter
{
    private const int InitialBufferSize = 16 * 1024;

    public static async Task ReadLinesAsync(Stream stream, Action<ReadOnlyMemory<byte>> onLine, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    // A line longer than the buffer: grow it.
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                var start = 0;
                var scanFrom = filled;
                filled += read;
                int newline;
                while ((newline = buffer.AsSpan(scanFrom, filled - scanFrom).IndexOf((byte)'\n')) >= 0)
                {
                    var end = scanFrom + newline;
                    Emit(buffer.AsMemory(start, end - start), onLine);
                    start = end + 1;
                    scanFrom = start;
                }

                if (start > 0)
                {
                    buffer.AsSpan(start, filled - start).CopyTo(buffer);
                    filled -= start;
                }
            }

            if (filled > 0)
            {
                Emit(buffer.AsMemory(0, filled), onLine);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void Emit(ReadOnlyMemory<byte> line, Action<ReadOnlyMemory<byte>> onLine)
    {
        if (line.Length > 0 && line.Span[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        onLine(line);
    }
}
