using System.Text;
using Restic.Net.Secrets;
using Restic.Net.Serialization;

namespace Restic.Net.Output;

/// <summary>
/// Sits between the process and an operation's sink: keeps a bounded, redacted stderr tail and the
/// <c>exit_error</c> message (restic 0.18+), and forwards every line.
/// </summary>
internal sealed class StderrCapture(IResticOutputSink inner, Redactor redactor) : IResticOutputSink
{
    private const int MaxLines = 40;
    private const int MaxLineLength = 2048;
    private readonly Queue<string> _tail = new();
    private readonly Lock _gate = new();
    private string? _exitError;

    public string? ExitErrorMessage
    {
        get
        {
            lock (_gate)
            {
                return _exitError;
            }
        }
    }

    public IReadOnlyList<string> Tail
    {
        get
        {
            lock (_gate)
            {
                return _tail.ToArray();
            }
        }
    }

    /// <summary>The start of a last stdout line that lacked its line end (redacted), or null.</summary>
    public string? CutStandardOutput { get; private set; }

    /// <summary>restic's process id once it started; 0 before (or when the runner does not say).</summary>
    public int ProcessId { get; private set; }

    public void OnProcessStarted(int processId) => ProcessId = processId;

    public void OnStandardOutputLine(ReadOnlySpan<byte> line) => inner.OnStandardOutputLine(line);

    public void OnStandardOutputCut(ReadOnlySpan<byte> partial)
    {
        const int Shown = 200;
        var text = Encoding.UTF8.GetString(partial.Length > Shown ? partial[..Shown] : partial);
        CutStandardOutput = redactor.Redact(text) + (partial.Length > Shown ? "…" : string.Empty);
    }

    public void OnStandardErrorLine(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        if (JsonLine.TryGetMessageType(bytes, out var type) && type == MessageTypes.ExitError)
        {
            var dto = ResticJson.TryDeserialize(bytes, ResticJsonContext.Default.ExitErrorDto);
            lock (_gate)
            {
                _exitError = dto?.Message is { } message ? redactor.Redact(message.TrimEnd()) : null;
            }

            return;
        }

        // restic prefixes its interrupt notice with an ANSI "clear line" even when not on a terminal.
        var text = redactor.Redact(line.Replace("\u001b[2K", string.Empty, StringComparison.Ordinal));
        lock (_gate)
        {
            _tail.Enqueue(text.Length > MaxLineLength ? text[..MaxLineLength] + "…" : text);
            while (_tail.Count > MaxLines)
            {
                _tail.Dequeue();
            }
        }

        inner.OnStandardErrorLine(line);
    }
}
