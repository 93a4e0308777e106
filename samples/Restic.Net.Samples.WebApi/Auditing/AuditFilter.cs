using System.Globalization;
using Restic.Net.Samples.WebApi.Problems;
using Restic.Net.Samples.WebApi.State;

namespace Restic.Net.Samples.WebApi.Auditing;

/// <summary>
/// What to show of the audit trail, for <c>GET /audit</c> and the console's audit page alike: one user, one
/// repository, actions containing a text, an outcome (<c>succeeded</c>: a status below 400; <c>failed</c>: 400 or
/// more) and a first day (UTC). Empty values filter nothing.
/// </summary>
internal sealed record AuditFilter(string? User, string? Repository, string? Action, string? Outcome, DateTimeOffset? Since)
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    /// <summary>The filter from query text; an unknown outcome or a day not written <c>yyyy-MM-dd</c> is a 400 naming its field.</summary>
    public static AuditFilter Parse(string? user, string? repository, string? action, string? outcome, string? since, string outcomeField = "outcome", string sinceField = "since")
    {
        if (!string.IsNullOrEmpty(outcome) && outcome is not (Succeeded or Failed))
        {
            throw ApiProblemException.Invalid(outcomeField, $"{outcomeField} is {Succeeded} or {Failed}.");
        }

        DateTimeOffset? first = null;
        if (!string.IsNullOrEmpty(since))
        {
            first = DateTime.TryParseExact(since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day)
                ? new DateTimeOffset(day, TimeSpan.Zero)
                : throw ApiProblemException.Invalid(sinceField, "Give the first day as yyyy-MM-dd.");
        }

        return new(Empty(user), Empty(repository), Empty(action), Empty(outcome), first);

        static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }

    public IQueryable<AuditEntity> Apply(IQueryable<AuditEntity> query)
    {
        if (User is { } user)
        {
            query = query.Where(a => a.User == user);
        }

        if (Repository is { } repository)
        {
            query = query.Where(a => a.Repository == repository);
        }

        if (Action is { } action)
        {
            query = query.Where(a => a.Action.Contains(action));
        }

        query = Outcome switch
        {
            Failed => query.Where(a => a.Result >= 400),
            Succeeded => query.Where(a => a.Result < 400),
            _ => query,
        };
        return Since is { } since ? query.Where(a => a.At >= since) : query;
    }
}
