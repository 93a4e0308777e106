using System.Text.Json;
using System.Text;
using Microsoft.Extensions.Logging;
using Restic.Net.Diagnostics;
using Restic.Net.Output;
using Restic.Net.Secrets;

namespace Restic.Net.Serialization;

/// <summary>
/// The body that <c>backup --json</c> and <c>restore --json</c> share: JSON lines dispatched by
/// <c>message_type</c> (status, verbose_status, summary, error) into events as they are read, error
/// lines from stdout or stderr collected in order, text lines logged at Debug, an unknown message type
/// passed on as an event, and a line that cannot be read kept for the error that follows if the
/// summary is missing. Never throws.
/// </summary>
/// <typeparam name="TEvent">The stream's event type.</typeparam>
/// <typeparam name="TError">The per-item error type.</typeparam>
internal abstract class JsonEventParser<TEvent, TError>(string operation, EventQueue<TEvent> queue, ILogger logger, Redactor? redactor) : IResticOutputSink
    where TEvent : class
{
    private readonly List<TError> _errors = [];
    private readonly Lock _gate = new();

    /// <summary>Every error restic reported, in order.</summary>
    public IReadOnlyList<TError> Errors
    {
        get
        {
            lock (_gate)
            {
                return _errors.ToArray();
            }
        }
    }

    /// <summary>The first JSON line of a known type that could not be read.</summary>
    public string? MalformedLine { get; private set; }

    /// <summary>Where the events go.</summary>
    protected EventQueue<TEvent> Queue => queue;

    public void OnStandardOutputLine(ReadOnlySpan<byte> line)
    {
        if (!JsonLine.TryGetMessageType(line, out var type))
        {
            if (!line.IsEmpty && logger.IsEnabled(LogLevel.Debug))
            {
                var text = (redactor ?? Redactor.None).Redact(Encoding.UTF8.GetString(line));
                Log.TextOutputLine(logger, operation, text);
            }

            return;
        }

        try
        {
            switch (type)
            {
                case MessageTypes.Status:
                    OnStatus(line);
                    break;
                case MessageTypes.VerboseStatus:
                    OnVerboseStatus(line);
                    break;
                case MessageTypes.Summary:
                    OnSummary(line);
                    break;
                case MessageTypes.Error:
                    OnError(line);
                    break;
                default:
                    queue.Write(UnknownEvent(type, Encoding.UTF8.GetString(line)));
                    break;
            }
        }
        catch (JsonException ex)
        {
            // Kept for the error that follows if the summary is missing; never fatal by itself.
            MalformedLine ??= Encoding.UTF8.GetString(line);
            Log.MalformedJsonLine(logger, operation, type, ex.Message);
        }
    }

    public void OnStandardErrorLine(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        if (JsonLine.TryGetMessageType(bytes, out var type))
        {
            if (type == MessageTypes.Error)
            {
                OnError(bytes);
            }

            return;
        }

        OnStandardErrorText(line);
    }

    /// <summary>A <c>status</c> line.</summary>
    protected abstract void OnStatus(ReadOnlySpan<byte> line);

    /// <summary>A <c>verbose_status</c> line.</summary>
    protected abstract void OnVerboseStatus(ReadOnlySpan<byte> line);

    /// <summary>The <c>summary</c> line.</summary>
    protected abstract void OnSummary(ReadOnlySpan<byte> line);

    /// <summary>The error an <c>error</c> line reports.</summary>
    protected abstract TError ToError(ErrorDto dto);

    /// <summary>The event that carries an error.</summary>
    protected abstract TEvent ToErrorEvent(TError error);

    /// <summary>The event for a message type this version of the client does not know.</summary>
    protected abstract TEvent UnknownEvent(string type, string line);

    /// <summary>A stderr line that is not JSON: some versions report errors as text.</summary>
    protected virtual void OnStandardErrorText(string line)
    {
    }

    /// <summary>Records an error and writes its event.</summary>
    protected void Report(TError error)
    {
        lock (_gate)
        {
            _errors.Add(error);
        }

        queue.Write(ToErrorEvent(error));
    }

    private void OnError(ReadOnlySpan<byte> line)
    {
        if (ResticJson.TryDeserialize(line, ResticJsonContext.Default.ErrorDto) is { } dto)
        {
            Report(ToError(dto));
        }
    }
}
