namespace Restic.Net.Samples.WebApi.State;

/// <summary>One audited call: the original console's audit trail (action, result, user, metadata, time).</summary>
internal sealed class AuditEntity
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The API key's name, or <c>anonymous</c>.</summary>
    public string User { get; set; } = string.Empty;

    /// <summary>Method and route template, for example <c>POST /api/v1/backups/restic/backup</c>.</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>The HTTP status.</summary>
    public int Result { get; set; }

    public string? Repository { get; set; }

    public string? SnapshotId { get; set; }

    public Guid? JobId { get; set; }

    public long DurationMs { get; set; }
}
