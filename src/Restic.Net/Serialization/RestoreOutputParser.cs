using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Restic.Net.Diagnostics;
using Restic.Net.Execution;

namespace Restic.Net.Serialization;

/// <summary>
/// Turns <c>restore --json</c> output into events (restic 0.16+). Errors arrive as JSON on stderr
/// from 0.17.1 and as <c>ignoring error for PATH: ERR</c> text lines before. Never throws.
/// </summary>
internal sealed class RestoreOutputParser(EventQueue<RestoreEvent> queue, ILogger logger, Redactor? redactor = null) : IResticOutputSink
{
    private const string IgnoringErrorPrefix = "ignoring error for ";

    private readonly List<RestoreError> _errors = [];
    private readonly Lock _gate = new();

    public RestoreStatusDto? Summary { get; private set; }

    /// <summary>Every error restic reported, in order.</summary>
    public IReadOnlyList<RestoreError> Errors
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

    public void OnStandardOutputLine(ReadOnlySpan<byte> line)
    {
        if (!JsonLine.TryGetMessageType(line, out var type))
        {
            if (!line.IsEmpty && logger.IsEnabled(LogLevel.Debug))
            {
                var text = (redactor ?? Redactor.None).Redact(Encoding.UTF8.GetString(line));
                Log.TextOutputLine(logger, "restore", text);
            }

            return;
        }

        try
        {
            switch (type)
            {
                case MessageTypes.Status:
                    var status = JsonSerializer.Deserialize(line, ResticJsonContext.Default.RestoreStatusDto)!;
                    queue.Write(new RestoreStatusEvent(status.ToProgress()), coalescible: true);
                    break;
                case MessageTypes.VerboseStatus:
                    var verbose = JsonSerializer.Deserialize(line, ResticJsonContext.Default.RestoreVerboseStatusDto)!;
                    queue.Write(new RestoreFileEvent(new FileAction(verbose.Action ?? string.Empty), verbose.Item ?? string.Empty, verbose.Size));
                    break;
                case MessageTypes.Summary:
                    Summary = JsonSerializer.Deserialize(line, ResticJsonContext.Default.RestoreStatusDto);
                    break;
                case MessageTypes.Error:
                    OnError(line);
                    break;
                default:
                    queue.Write(new UnknownRestoreEvent(type, Encoding.UTF8.GetString(line)));
                    break;
            }
        }
        catch (JsonException ex)
        {
            // Kept for the error that follows if the summary is missing; never fatal by itself.
            MalformedLine ??= Encoding.UTF8.GetString(line);
            Log.MalformedJsonLine(logger, "restore", type, ex.Message);
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

        if (line.StartsWith(IgnoringErrorPrefix, StringComparison.Ordinal))
        {
            var rest = line[IgnoringErrorPrefix.Length..];
            var colon = rest.IndexOf(": ", StringComparison.Ordinal);
            Report(colon < 0 ? new RestoreError(rest, null) : new RestoreError(rest[..colon], rest[(colon + 2)..]));
        }
    }

    private void OnError(ReadOnlySpan<byte> line)
    {
        if (ResticJson.TryDeserialize(line, ResticJsonContext.Default.ErrorDto) is { } dto)
        {
            Report(new RestoreError(dto.Item ?? string.Empty, Projections.ErrorMessage(dto.Error) ?? dto.Message));
        }
    }

    private void Report(RestoreError error)
    {
        lock (_gate)
        {
            _errors.Add(error);
        }

        queue.Write(new RestoreErrorEvent(error));
    }
}
