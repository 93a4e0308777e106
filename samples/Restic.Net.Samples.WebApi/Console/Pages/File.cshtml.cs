using Microsoft.AspNetCore.Mvc;
using Restic.Net.Samples.WebApi.Endpoints;
using Restic.Net.Samples.WebApi.Problems;

namespace Restic.Net.Samples.WebApi.Console.Pages;

/// <summary>One file of a snapshot: its metadata, a download, and every version of the same path across the repository's snapshots.</summary>
internal sealed class FileModel(ConsoleReads reads) : ConsolePageModel
{
    [FromRoute]
    public string Repository { get; set; } = string.Empty;

    [FromRoute(Name = "snapshot")]
    public string SnapshotText { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true, Name = "path")]
    public string? RequestedPath { get; set; }

    public Snapshot? Snapshot { get; private set; }

    public SnapshotNode? Node { get; private set; }

    /// <summary>The path's versions, newest first.</summary>
    public IReadOnlyList<FileVersion> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var path = SnapshotPath.Check(RequestedPath);
        if (path == SnapshotPath.Root)
        {
            throw ApiProblemException.Invalid("path", "path must name a file, not the snapshot's root.");
        }

        var reference = RequestChecks.SnapshotId(SnapshotText);
        var repository = await reads.FindAsync(Repository, cancellationToken);
        (Snapshot, Node, Versions) = await reads.ReadAsync(repository, async client =>
        {
            var snapshot = await client.GetSnapshotAsync(reference, null, cancellationToken);
            var node = await ConsoleDownloads.FindNodeAsync(client, snapshot.Id, path, cancellationToken);
            var versions = new List<FileVersion>();
            await foreach (var version in client.GetFileHistoryAsync(path, null, cancellationToken))
            {
                versions.Add(version);
            }

            versions.Reverse();
            return (snapshot, node, (IReadOnlyList<FileVersion>)versions);
        });

        return Node!.Type == NodeType.Directory ? Redirect(ConsolePaths.Browse(Repository, Snapshot!.Id.Value, path)) : Page();
    }
}
