using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Restic.Net.Samples.WebApi.Auditing;
using Restic.Net.Samples.WebApi.Problems;
using Restic.Net.Samples.WebApi.Security;
using Restic.Net.Samples.WebApi.State;

namespace Restic.Net.Samples.WebApi.Console.Pages;

/// <summary>
/// The audit trail (admins): every API call and console action, newest first, filtered by user, repository, action
/// text, outcome and day, <see cref="PageSize"/> at a time.
/// </summary>
[Authorize(Policy = ConsoleSecurity.AdminPolicy)]
internal sealed class AuditModel(StateDatabase database, AuditTrail trail, IOptionsMonitor<ApiKeyOptions> keys) : ConsolePageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true, Name = "repository")]
    public string? Repository { get; set; }

    [BindProperty(SupportsGet = true, Name = "text")]
    public string? ActionText { get; set; }

    /// <summary><c>failed</c> (a status of 400 or more), <c>succeeded</c>, or empty for both.</summary>
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

        var filter = AuditFilter.Parse(UserName, Repository, ActionText, Outcome, Since);
        await trail.FlushAsync(cancellationToken); // this instance's actions so far are in what it reads
        await using var db = database.Open();
        var query = filter.Apply(db.Audit.AsNoTracking());
        Total = await query.CountAsync(cancellationToken);
        Entries = await query.OrderByDescending(a => a.Id).Skip(Endpoints.Paging.RowsBefore(PageNumber, PageSize)).Take(PageSize).ToListAsync(cancellationToken);
        // The users to pick: the configured keys' names and "anonymous", not a DISTINCT over a trail of millions of rows.
        // A key removed since is still filtered by its name in the address, and then offered too.
        Users = [.. keys.Get(ApiKeyAuthenticationHandler.SchemeName).ApiKeys.Select(k => k.Name)
            .Append("anonymous")
            .Append(filter.User ?? string.Empty)
            .Where(name => name.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>This view's link to another page of the same filters.</summary>
    public string PageLink(int number) => Url.Page("/Audit", new { user = UserName, repository = Repository, text = ActionText, outcome = Outcome, since = Since, p = number })!;
}
