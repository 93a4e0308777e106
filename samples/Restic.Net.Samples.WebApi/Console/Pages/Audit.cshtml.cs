using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Restic.Net.Samples.WebApi.Auditing;
using Restic.Net.Samples.WebApi.Problems;
using Restic.Net.Samples.WebApi.State;

namespace Restic.Net.Samples.WebApi.Console.Pages;

/// <summary>
/// The audit trail (admins): every API call and console action, newest first, filtered by user, repository, action
/// text, outcome and day, <see cref="PageSize"/> at a time.
/// </summary>
[Authorize(Policy = ConsoleSecurity.AdminPolicy)]
internal sealed class AuditModel(StateDatabase database, AuditTrail trail) : ConsolePageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true, Name = "repository")]
    public string? Repository { get; set; }

    [BindProperty(SupportsGet = true, Name = "text")]
    public string? ActionText { get; set; }

    /// <summary><c>failed</c> (a status of 400 or more), <c>succeeded</c>, or anything else for both.</summary>
    [BindProperty(SupportsGet = true, Name = "outcome")]
    public string? Outcome { get; set; }

    /// <summary>The first day shown (UTC), as <c>yyyy-MM-dd</c>.</summary>
    [BindProperty(SupportsGet = true, Name = "since")]
    public string? Since { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntity> Entries { get; private set; } = [];

    public int Total { get; private set; }

    public IReadOnlyList<string> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (PageNumber < 1)
        {
            throw ApiProblemException.Invalid("p", "The page number starts at 1.");
        }

        DateTimeOffset? since = null;
        if (!string.IsNullOrEmpty(Since))
        {
            since = DateTime.TryParseExact(Since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day)
                ? new DateTimeOffset(day, TimeSpan.Zero)
                : throw ApiProblemException.Invalid("since", "Give the first day as yyyy-MM-dd.");
        }

        await trail.FlushAsync(cancellationToken); // this instance's actions so far are in what it reads
        await using var db = database.Open();
        IQueryable<AuditEntity> query = db.Audit.AsNoTracking();
        if (!string.IsNullOrEmpty(UserName))
        {
            query = query.Where(a => a.User == UserName);
        }

        if (!string.IsNullOrEmpty(Repository))
        {
            query = query.Where(a => a.Repository == Repository);
        }

        if (!string.IsNullOrEmpty(ActionText))
        {
            query = query.Where(a => a.Action.Contains(ActionText));
        }

        query = Outcome switch
        {
            "failed" => query.Where(a => a.Result >= 400),
            "succeeded" => query.Where(a => a.Result < 400),
            _ => query,
        };
        if (since is { } first)
        {
            query = query.Where(a => a.At >= first);
        }

        Total = await query.CountAsync(cancellationToken);
        Entries = await query.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Users = await db.Audit.AsNoTracking().Select(a => a.User).Distinct().OrderBy(u => u).Take(200).ToListAsync(cancellationToken);
    }

    /// <summary>This view's link to another page of the same filters.</summary>
    public string PageLink(int number) => Url.Page("/Audit", new { user = UserName, repository = Repository, text = ActionText, outcome = Outcome, since = Since, p = number })!;
}
