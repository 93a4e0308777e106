using System.Buffers;
using System.Text;

namespace Restic.Net.Output;

/// <summary>Collects stdout (for commands that print one document or plain text) and stderr lines.</summary>
internal sealed class BufferingSink : IResticOutputSink, IRestartableSink
{
    private readonly ArrayBufferWriter<byte> _stdout = new();
    private readonly List<string> _stderr = [];
    private readonly Lock _gate = new();

    public ReadOnlySpan<byte> StandardOutput => _stdout.WrittenSpan;

    public IReadOnlyList<string> StandardErrorLines
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToArray();
            }
        }
    }

    /// <summary>stdout decoded as text lines.</summary>
    public IReadOnlyList<string> StandardOutputLines =>
        Encoding.UTF8.GetString(_stdout.WrittenSpan).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();

    public void Restart()
    {
        _stdout.Clear();
        lock (_gate)
        {
            _stderr.Clear();
        }
    }

    public void OnStandardOutputLine(ReadOnlySpan<byte> line)
    {
        // One request for the line and its LF: writing the LF separately made a document printed as
        // one line (snapshots, forget) grow the buffer to twice its size.
        var span = _stdout.GetSpan(line.Length + 1);
        line.CopyTo(span);
        span[line.Length] = (byte)'\n';
        _stdout.Advance(line.Length + 1);
    }

    public void OnStandardErrorLine(string line)
    {
        lock (_gate)
        {
            _stderr.Add(line);
        }
    }
}
