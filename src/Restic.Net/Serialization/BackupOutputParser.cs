using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Restic.Net.Output;
using Restic.Net.Secrets;

namespace Restic.Net.Serialization;

/// <summary>Turns <c>backup --json</c> output into events as it is read; never throws.</summary>
internal sealed partial class BackupOutputParser(EventQueue<BackupEvent> queue, ILogger logger, Redactor? redactor = null)
    : JsonEventParser<BackupEvent, BackupError>("backup", queue, logger, redactor)
{
    /// <summary>The message of a <see cref="BackupError"/> for a source path that does not exist.</summary>
    public const string MissingSourceMessage = "does not exist";

    public BackupSummaryDto? Summary { get; private set; }

    /// <summary>
    /// Whether a source path given to restic did not exist. restic skips it and backs up the rest: 0.19+
    /// exits 3 then, older versions 0; either way the backup is incomplete.
    /// </summary>
    public bool SourceMissing { get; private set; }

    protected override void OnStatus(ReadOnlySpan<byte> line)
    {
        var status = JsonSerializer.Deserialize(line, ResticJsonContext.Default.BackupStatusDto)!;
        // restic 0.14–0.15 typed the scan_finished verbose line as "status".
        if (status.Action == "scan_finished")
        {
            Queue.Write(new BackupScanCompletedEvent { TotalFiles = status.TotalFiles ?? 0, TotalBytes = status.DataSize });
        }
        else
        {
            Queue.Write(new BackupStatusEvent { Progress = status.ToProgress() }, coalescible: true);
        }
    }

    protected override void OnVerboseStatus(ReadOnlySpan<byte> line)
    {
        var verbose = JsonSerializer.Deserialize(line, ResticJsonContext.Default.BackupVerboseStatusDto)!;
        Queue.Write(verbose.Action == "scan_finished"
            ? new BackupScanCompletedEvent { TotalFiles = verbose.TotalFiles, TotalBytes = verbose.DataSize }
            : verbose.ToFileEvent());
    }

    protected override void OnSummary(ReadOnlySpan<byte> line) =>
        Summary = JsonSerializer.Deserialize(line, ResticJsonContext.Default.BackupSummaryDto);

    protected override BackupError ToError(ErrorDto dto) =>
        new() { Item = dto.Item ?? string.Empty, During = new BackupPhase(dto.During ?? string.Empty), Message = Projections.ErrorMessage(dto.Error) ?? dto.Message };

    protected override BackupEvent ToErrorEvent(BackupError error) => new BackupErrorEvent { Error = error };

    protected override BackupEvent UnknownEvent(string type, string line) => new UnknownBackupEvent { MessageType = type, RawJson = line };

    protected override void OnStandardErrorText(string line)
    {
        if (MissingSource().Match(line) is { Success: true } missing)
        {
            // "/srv/x does not exist, skipping" (plain text on every version).
            SourceMissing = true;
            Report(new BackupError { Item = missing.Groups["path"].Value, During = BackupPhase.Scan, Message = MissingSourceMessage });
        }
    }

    [GeneratedRegex(@"^(?<path>.+) does not exist, skipping$", RegexOptions.CultureInvariant)]
    private static partial Regex MissingSource();
}
