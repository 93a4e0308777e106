using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Restic.Net.Diagnostics;
using Restic.Net.Execution;

namespace Restic.Net.Serialization;

/// <summary>Turns <c>backup --json</c> output into events as it is read; never throws.</summary>
internal sealed partial class BackupOutputParser(EventQueue<BackupEvent> queue, ILogger logger, Redactor? redactor = null) : IResticOutputSink
{
    /// <summary>The message of a <see cref="BackupError"/> for a source path that does not exist.</summary>
    public const string MissingSourceMessage = "does not exist";

    private readonly List<BackupError> _errors = [];
    private readonly Lock _gate = new();

    public BackupSummaryDto? Summary { get; private set; }

    public IReadOnlyList<BackupError> Errors
    {
        get
        {
            lock (_gate)
            {
                return _errors.ToArray();
            }
        }
    }

    /// <summary>
    /// Whether a source path given to restic did not exist. restic skips it and backs up the rest: 0.19+
    /// exits 3 then, older versions 0; either way the backup is incomplete.
    /// </summary>
    public bool SourceMissing { get; private set; }

    /// <summary>The first JSON line of a known type that could not be read.</summary>
    public string? MalformedLine { get; private set; }

    public void OnStandardOutputLine(ReadOnlySpan<byte> line)
    {
        if (!JsonLine.TryGetMessageType(line, out var type))
        {
            if (!line.IsEmpty && logger.IsEnabled(LogLevel.Debug))
            {
                var text = (redactor ?? Redactor.None).Redact(Encoding.UTF8.GetString(line));
                Log.TextOutputLine(logger, "backup", text);
            }

            return;
        }

        try
        {
            switch (type)
            {
                case MessageTypes.Status:
                    var status = JsonSerializer.Deserialize(line, ResticJsonContext.Default.BackupStatusDto)!;
                    // restic 0.14–0.15 typed the scan_finished verbose line as "status".
                    if (status.Action == "scan_finished")
                    {
                        queue.Write(new BackupScanCompletedEvent(status.TotalFiles ?? 0, status.DataSize));
                    }
                    else
                    {
                        queue.Write(new BackupStatusEvent(status.ToProgress()), coalescible: true);
                    }

                    break;
                case MessageTypes.VerboseStatus:
                    var verbose = JsonSerializer.Deserialize(line, ResticJsonContext.Default.BackupVerboseStatusDto)!;
                    queue.Write(verbose.Action == "scan_finished"
                        ? new BackupScanCompletedEvent(verbose.TotalFiles, verbose.DataSize)
                        : verbose.ToFileEvent());
                    break;
                case MessageTypes.Summary:
                    Summary = JsonSerializer.Deserialize(line, ResticJsonContext.Default.BackupSummaryDto);
                    break;
                case MessageTypes.Error:
                    OnError(line);
                    break;
                default:
                    queue.Write(new UnknownBackupEvent(type, Encoding.UTF8.GetString(line)));
                    break;
            }
        }
        catch (JsonException ex)
        {
            // Kept for the error that follows if the summary is missing; never fatal by itself.
            MalformedLine ??= Encoding.UTF8.GetString(line);
            Log.MalformedJsonLine(logger, "backup", type, ex.Message);
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
        }
        else if (MissingSource().Match(line) is { Success: true } missing)
        {
            // "/srv/x does not exist, skipping" (plain text on every version).
            SourceMissing = true;
            Add(new BackupError(missing.Groups["path"].Value, BackupPhase.Scan, MissingSourceMessage));
        }
    }

    private void OnError(ReadOnlySpan<byte> line)
    {
        if (ResticJson.TryDeserialize(line, ResticJsonContext.Default.ErrorDto) is not { } dto)
        {
            return;
        }

        Add(new BackupError(dto.Item ?? string.Empty, new BackupPhase(dto.During ?? string.Empty), Projections.ErrorMessage(dto.Error) ?? dto.Message));
    }

    private void Add(BackupError error)
    {
        lock (_gate)
        {
            _errors.Add(error);
        }

        queue.Write(new BackupErrorEvent(error));
    }

    [GeneratedRegex(@"^(?<path>.+) does not exist, skipping$", RegexOptions.CultureInvariant)]
    private static partial Regex MissingSource();
}
