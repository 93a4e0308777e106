using System.Text.Json;
using Restic.Net.Samples.WebApi.Problems;

namespace Restic.Net.Samples.WebApi.Console;

/// <summary>One match of a console search, as the search page shows it and the stream sends it.</summary>
internal sealed record SearchMatch(string Snapshot, string ShortId, DateTimeOffset Time, string? Host, string Path, string Type, long? Size, DateTimeOffset Modified, string Link);

/// <summary>
/// A name or glob search across a repository's snapshots (<see cref="IResticClient.FindAsync"/> on the cached native
/// reader), newest snapshot first. The search page renders the matches on the server; its script asks
/// <c>search/stream</c> instead and shows each snapshot's matches as they arrive (one JSON object per line).
/// At most <see cref="MaxMatches"/> matches are returned.
/// </summary>
internal static class ConsoleSearch
{
    public const int MaxMatches = 1000;
    public const int MaxPatternLength = 256;

    private static readonly ReadOnlyMemory<byte> s_newline = "\n"u8.ToArray();

    public static IEndpointRouteBuilder MapConsoleSearch(this IEndpointRouteBuilder app)
    {
        app.MapGet(ConsolePaths.Root + "/repositories/{repository}/search/stream", StreamAsync)
            .RequireAuthorization(ConsoleSecurity.ViewerPolicy)
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The checked pattern: one line, at most <see cref="MaxPatternLength"/> characters.</summary>
    public static string Check(string? pattern) =>
        string.IsNullOrWhiteSpace(pattern) || pattern.Length > MaxPatternLength || pattern.AsSpan().IndexOfAny('\n', '\r', '\0') >= 0
            ? throw ApiProblemException.Invalid("pattern", $"pattern must be one line of 1 to {MaxPatternLength} characters, such as *.sql or report-202?.pdf.")
            : pattern;

    /// <summary>The matches, newest snapshot first, stopping after <see cref="MaxMatches"/>.</summary>
    public static async IAsyncEnumerable<SearchMatch> FindAsync(IResticClient client, string repository, string pattern, bool ignoreCase, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var snapshots = (await client.GetSnapshotsAsync(null, cancellationToken)).OrderByDescending(s => s.Time).ToList();
        var byId = snapshots.ToDictionary(s => s.Id);
        var count = 0;
        IAsyncEnumerator<FindResult> enumerator;
        try
        {
            enumerator = client.FindAsync([pattern], new FindOptions { Snapshots = [.. snapshots.Select(s => (SnapshotReference)s.Id)], IgnoreCase = ignoreCase }, cancellationToken).GetAsyncEnumerator(cancellationToken);
        }
        catch (ArgumentException ex)
        {
            throw Refused(ex); // checked before the first result
        }

        await using var results = enumerator;
        while (true)
        {
            try
            {
                if (!await results.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (ArgumentException ex)
            {
                throw Refused(ex); // a malformed glob: [ without ], a trailing \
            }

            var snapshot = byId[results.Current.SnapshotId];
            foreach (var node in results.Current.Matches)
            {
                var link = node.Type == NodeType.Directory
                    ? ConsolePaths.Browse(repository, snapshot.Id.Value, node.Path)
                    : ConsolePaths.File(repository, snapshot.Id.Value, node.Path);
                yield return new SearchMatch(snapshot.Id.Value, snapshot.Id.ToShortString(), snapshot.Time, snapshot.HostName, node.Path, node.Type.Value, node.Size, node.ModificationTime, link);
                if (++count >= MaxMatches)
                {
                    yield break;
                }
            }
        }
    }

    private static ApiProblemException Refused(ArgumentException ex) =>
        ApiProblemException.Invalid("pattern", ex.ParamName is { } name ? ex.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : ex.Message);

    private static async Task StreamAsync(string repository, string? pattern, bool? ignoreCase, HttpContext context, ConsoleReads reads, CancellationToken cancellationToken)
    {
        var checkedPattern = Check(pattern);
        var registered = await reads.FindAsync(repository, cancellationToken);
        await using var lease = reads.Lease(registered);
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        await lease.RunAsync(async client =>
        {
            // The status is sent with the first match (or the end): a refused pattern is still a 400 problem.
            context.Response.ContentType = "application/x-ndjson; charset=utf-8";
            await foreach (var match in FindAsync(client, repository, checkedPattern, ignoreCase == true, cancellationToken))
            {
                await JsonSerializer.SerializeAsync(context.Response.Body, match, options, cancellationToken);
                await context.Response.Body.WriteAsync(s_newline, cancellationToken);
                await context.Response.Body.FlushAsync(cancellationToken); // each match as it is found
            }

            return true;
        });
    }
}
