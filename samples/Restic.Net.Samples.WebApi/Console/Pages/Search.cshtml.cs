using Microsoft.AspNetCore.Mvc;

namespace Restic.Net.Samples.WebApi.Console.Pages;

/// <summary>
/// Finds files and folders by name or glob across a repository's snapshots. Without script the page searches on the
/// server and shows every match (up to <see cref="ConsoleSearch.MaxMatches"/>); with it, console.js streams them in.
/// </summary>
internal sealed class SearchModel(ConsoleReads reads) : ConsolePageModel
{
    [FromRoute]
    public string Repository { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? Pattern { get; set; }

    [BindProperty(SupportsGet = true, Name = "ignore_case")]
    public bool IgnoreCase { get; set; }

    public IReadOnlyList<SearchMatch>? Matches { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var repository = await reads.FindAsync(Repository, cancellationToken);
        if (string.IsNullOrEmpty(Pattern))
        {
            return;
        }

        var pattern = ConsoleSearch.Check(Pattern);
        Matches = await reads.ReadAsync(repository, async client =>
        {
            var matches = new List<SearchMatch>();
            await foreach (var match in ConsoleSearch.FindAsync(client, Repository, pattern, IgnoreCase, cancellationToken))
            {
                matches.Add(match);
            }

            return matches;
        });
    }
}
