using System.Text.Json;
using Microsoft.Extensions.Logging;
using Restic.Net.Output;
using Restic.Net.Secrets;

namespace Restic.Net.Serialization;

/// <summary>
/// Turns <c>restore --json</c> output into events (restic 0.16+). Errors arrive as JSON on stderr
/// from 0.17.1 and as <c>ignoring error for PATH: ERR</c> text lines before. Never throws.
/// </summary>
internal sealed class RestoreOutputParser(EventQueue<RestoreEvent> queue, ILogger logger, Redactor? redactor = null)
    : JsonEventParser<RestoreEvent, RestoreError>("restore", queue, logger, redactor)
{
    private const string IgnoringErrorPrefix = "ignoring error for ";

    public RestoreStatusDto? Summary { get; private set; }

    protected override void OnStatus(ReadOnlySpan<byte> line)
    {
        var status = JsonSerializer.Deserialize(line, ResticJsonContext.Default.RestoreStatusDto)!;
        Queue.Write(new RestoreStatusEvent { Progress = status.ToProgress() }, coalescible: true);
    }

    protected override void OnVerboseStatus(ReadOnlySpan<byte> line)
    {
        var verbose = JsonSerializer.Deserialize(line, ResticJsonContext.Default.RestoreVerboseStatusDto)!;
        Queue.Write(new RestoreFileEvent { Action = new FileAction(verbose.Action ?? string.Empty), Item = verbose.Item ?? string.Empty, Size = verbose.Size });
    }

    protected override void OnSummary(ReadOnlySpan<byte> line) =>
        Summary = JsonSerializer.Deserialize(line, ResticJsonContext.Default.RestoreStatusDto);

    protected override RestoreError ToError(ErrorDto dto) => new() { Item = dto.Item ?? string.Empty, Message = Projections.ErrorMessage(dto.Error) ?? dto.Message };

    protected override RestoreEvent ToErrorEvent(RestoreError error) => new RestoreErrorEvent { Error = error };

    protected override RestoreEvent UnknownEvent(string type, string line) => new UnknownRestoreEvent { MessageType = type, RawJson = line };

    protected override void OnStandardErrorText(string line)
    {
        if (line.StartsWith(IgnoringErrorPrefix, StringComparison.Ordinal))
        {
            var rest = line[IgnoringErrorPrefix.Length..];
            var colon = rest.IndexOf(": ", StringComparison.Ordinal);
            Report(colon < 0 ? new RestoreError { Item = rest, Message = null } : new RestoreError { Item = rest[..colon], Message = rest[(colon + 2)..] });
        }
    }
}
