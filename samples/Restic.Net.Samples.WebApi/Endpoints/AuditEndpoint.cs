using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Restic.Net.Samples.WebApi.State;

namespace Restic.Net.Samples.WebApi.Endpoints;

/// <summary>One audited call.</summary>
internal sealed record AuditEntryResponse(long Id, DateTimeOffset At, string User, string Action, int Result, string? Repository, string? SnapshotId, Guid? JobId, long DurationMs);

/// <summary><c>GET /audit</c>: a page of the audit trail, newest first.</summary>
internal sealed record AuditResponse(int Page, int PageSize, int Total, IReadOnlyList<AuditEntryResponse> Entries);

internal static class AuditEndpoint
{
    public const int MaxPageSize = 500;

    /// <summary>A page of the audit trail, newest first, filtered as <see cref="Auditing.AuditFilter"/> describes.</summary>
    public static async Task<IResult> HandleAsync(
        StateDatabase database,
        Auditing.AuditTrail trail,
        CancellationToken cancellationToken,
        int page = 1,
        [FromQuery(Name = "page_size")] int pageSize = 100,
        string? user = null,
        string? repository = null,
        string? action = null,
        string? outcome = null,
        string? since = null)
    {
        var (number, size) = Paging.Check(page, pageSize, MaxPageSize);
        var filter = Auditing.AuditFilter.Parse(user, repository, action, outcome, since);
        await trail.FlushAsync(cancellationToken); // this instance's calls so far are in the trail it reads
        await using var db = database.Open();
        var query = filter.Apply(db.Audit.AsNoTracking());
        var total = await query.CountAsync(cancellationToken);
        var entries = await query.OrderByDescending(a => a.Id).Skip(Paging.RowsBefore(number, size)).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new AuditResponse(number, size, total, [.. entries.Select(a => new AuditEntryResponse(a.Id, a.At, a.User, a.Action, a.Result, a.Repository, a.SnapshotId, a.JobId, a.DurationMs))]));
    }
}
