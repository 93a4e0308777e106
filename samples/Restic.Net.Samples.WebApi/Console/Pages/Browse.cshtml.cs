using Microsoft.AspNetCore.Mvc;
using Restic.Net.Samples.WebApi.Endpoints;
using Restic.Net.Samples.WebApi.Problems;

namespace Restic.Net.Samples.WebApi.Console.Pages;

/// <summary>
/// One folder of a snapshot, read by the repository's cached native reader: folders first, then files, a page of
/// <see cref="PageSize"/> at a time. A folder whose only entry is a folder is opened through to the first folder with
/// more in it (as snapshots of <c>/home/ann/projects</c> start with three such levels).
/// </summary>
internal sealed class BrowseModel(ConsoleReads reads) : ConsolePageModel
{
    public const int PageSize = 200;
    private const int MaxExpansions = 64;

    [FromRoute]
    public string Repository { get; set; } = string.Empty;

    [FromRoute(Name = "snapshot")]
    public string SnapshotText { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true, Name = "path")]
    public string? RequestedPath { get; set; }

    /// <summary>The first entry shown, from 1 (<c>?from=501</c>; "page" is Razor Pages' own route value).</summary>
    [BindProperty(SupportsGet = true, Name = "from")]
    public int From { get; set; } = 1;

    public int PageNumber { get; private set; } = 1;

    public Snapshot? Snapshot { get; private set; }

    /// <summary>The folder shown: the requested one, or deeper when single-child folders were opened through.</summary>
    public string FolderPath { get; private set; } = SnapshotPath.Root;

    /// <summary>The folders opened through on the way, when there were any.</summary>
    public string? ExpandedFrom { get; private set; }

    public IReadOnlyList<SnapshotNode> Entries { get; private set; } = [];

    public int EntryCount { get; private set; }

    public int PageCount => Math.Max(1, (EntryCount + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var path = SnapshotPath.Check(RequestedPath);
        var reference = RequestChecks.SnapshotId(SnapshotText);
        var repository = await reads.FindAsync(Repository, cancellationToken);
        var (snapshot, folder, entries, isFile) = await reads.ReadAsync(repository, async client =>
        {
            var snapshot = await client.GetSnapshotAsync(reference, null, cancellationToken);
            var folder = path;
            for (var expansions = 0; ; expansions++)
            {
                var (self, children) = await ListAsync(client, snapshot.Id, folder, cancellationToken);
                if (self is not null && self.Type != NodeType.Directory)
                {
                    return (snapshot, folder, children, true);
                }

                if (children is [var only] && only.Type == NodeType.Directory && expansions < MaxExpansions)
                {
                    folder = only.Path;
                    continue;
                }

                return (snapshot, folder, children, false);
            }
        });

        if (isFile)
        {
            return Redirect(ConsolePaths.File(Repository, snapshot.Id.Value, folder));
        }

        Snapshot = snapshot;
        FolderPath = folder;
        ExpandedFrom = folder == path ? null : path;
        EntryCount = entries.Count;
        PageNumber = Math.Clamp(((Math.Max(1, From) - 1) / PageSize) + 1, 1, PageCount);
        Entries = [.. entries
            .OrderBy(e => e.Type == NodeType.Directory ? 0 : 1)
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)];
        return Page();
    }

    // The node at the path (null for the root, which has none) and its children.
    private static async Task<(SnapshotNode? Self, List<SnapshotNode> Children)> ListAsync(IResticClient client, SnapshotId snapshot, string path, CancellationToken cancellationToken)
    {
        SnapshotNode? self = null;
        var children = new List<SnapshotNode>();
        var options = path == SnapshotPath.Root ? null : new ListOptions { Paths = [path] };
        await foreach (var node in client.GetNodesAsync(snapshot, options, cancellationToken))
        {
            if (node.Path == path)
            {
                self = node;
            }
            else if (SnapshotPath.Parent(node.Path) == path)
            {
                children.Add(node);
            }
        }

        if (self is null && path != SnapshotPath.Root && children.Count == 0)
        {
            throw new ApiProblemException(StatusCodes.Status404NotFound, "Not found", "The snapshot has no such path.");
        }

        return (self, children);
    }
}
