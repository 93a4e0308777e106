using System.IO.Compression;
using Microsoft.Net.Http.Headers;
using Restic.Net.Samples.WebApi.Endpoints;
using Restic.Net.Samples.WebApi.Problems;

namespace Restic.Net.Samples.WebApi.Console;

/// <summary>
/// The console's downloads, behind its session cookie: one file, with HTTP ranges and a safe file name, its bytes
/// those of <c>restic dump</c>; or a folder or a selection as a zip streamed while it is read. Both read through the
/// repository's cached native reader; no path can leave the snapshot (<see cref="SnapshotPath"/>).
/// </summary>
internal static class ConsoleDownloads
{
    /// <summary>How many paths one archive request may select.</summary>
    public const int MaxSelection = 1000;

    public static IEndpointRouteBuilder MapConsoleDownloads(this IEndpointRouteBuilder app)
    {
        var snapshot = app.MapGroup(ConsolePaths.Root + "/repositories/{repository}/snapshots/{snapshot}")
            .RequireAuthorization(ConsoleSecurity.ViewerPolicy)
            .ExcludeFromDescription();
        snapshot.MapGet("/download", DownloadAsync);
        snapshot.MapGet("/archive", ArchiveAsync);
        return app;
    }

    private static async Task<IResult> DownloadAsync(string repository, string snapshot, string? path, HttpContext context, ConsoleReads reads, CancellationToken cancellationToken)
    {
        var file = SnapshotPath.Check(path);
        var reference = RequestChecks.SnapshotId(snapshot);
        var registered = await reads.FindAsync(repository, cancellationToken);
        var lease = reads.Lease(registered);
        context.Response.RegisterForDisposeAsync(lease); // the reader stays open until the response has been sent
        var (node, stream) = await lease.RunAsync(async client =>
        {
            var id = (await client.GetSnapshotAsync(reference, null, cancellationToken)).Id;
            var node = await FindNodeAsync(client, id, file, cancellationToken);
            if (node.Type != NodeType.File)
            {
                throw ApiProblemException.Invalid("path", "path names a " + node.Type.Value + ", not a file: download folders from the archive URL.");
            }

            return (node, await client.OpenDumpAsync(id, file, null, cancellationToken));
        });
        context.Response.RegisterForDisposeAsync(stream);
        return Results.File(
            stream,
            "application/octet-stream",
            SnapshotPath.DownloadName(node.Name),
            lastModified: node.ModificationTime,
            entityTag: new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(reference + "\0" + file)))[..32] + "\""),
            enableRangeProcessing: stream.CanSeek);
    }

    private static async Task ArchiveAsync(string repository, string snapshot, HttpContext context, ConsoleReads reads, CancellationToken cancellationToken)
    {
        var selection = context.Request.Query["path"].Select(SnapshotPath.Check).Distinct(StringComparer.Ordinal).ToList();
        if (selection.Count is 0 or > MaxSelection)
        {
            throw ApiProblemException.Invalid("path", $"Select between 1 and {MaxSelection} paths to download.");
        }

        var reference = RequestChecks.SnapshotId(snapshot);
        var registered = await reads.FindAsync(repository, cancellationToken);
        await using var lease = reads.Lease(registered);
        var id = await lease.RunAsync(async client => (await client.GetSnapshotAsync(reference, null, cancellationToken)).Id);
        var name = selection.Count == 1 && selection[0] != SnapshotPath.Root ? selection[0][(selection[0].LastIndexOf('/') + 1)..] : "snapshot-" + id.ToShortString();

        // Every selected path is checked before the first byte is sent, so a bad selection is a 404, not a broken zip.
        foreach (var path in selection.Where(p => p != SnapshotPath.Root))
        {
            await lease.RunAsync(client => FindNodeAsync(client, id, path, cancellationToken));
        }

        context.Response.ContentType = "application/zip";
        context.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = SnapshotPath.DownloadName(name) + ".zip" }.ToString();
        try
        {
            await using var body = new AsyncOnlyStream(context.Response.Body);
            await using (var zip = await ZipArchive.CreateAsync(body, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
            {
                foreach (var path in selection)
                {
                    await lease.RunAsync(client => WriteAsync(zip, client, id, path, cancellationToken));
                }
            }

            await body.FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The status line is gone: end the connection so the browser reports a failed download, never a short zip.
            context.Abort();
            throw;
        }
    }

    // Writes the selected path and, for a folder, everything under it, named relative to the folder holding the path.
    private static async Task<bool> WriteAsync(ZipArchive zip, IResticClient client, SnapshotId id, string path, CancellationToken cancellationToken)
    {
        var prefix = SnapshotPath.Parent(path);
        var options = path == SnapshotPath.Root ? new ListOptions { Recursive = true } : new ListOptions { Paths = [path], Recursive = true };
        await foreach (var node in client.GetNodesAsync(id, options, cancellationToken))
        {
            var relative = node.Path[(prefix == SnapshotPath.Root ? 1 : prefix.Length + 1)..];
            if (relative.Length == 0)
            {
                continue; // the root itself
            }

            // Snapshot names come from any file system: a backslash would be a folder separator to some unzip tools.
            var entryName = relative.Replace('\\', '_');
            var entry = zip.CreateEntry(node.Type == NodeType.Directory ? entryName + "/" : entryName, CompressionLevel.Fastest);
            entry.LastWriteTime = node.ModificationTime.Year < 1980 ? new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero) : node.ModificationTime;
            entry.ExternalAttributes = (int)(((uint)node.Mode & 0xFFF) | TypeBits(node.Type)) << 16;
            if (node.Type == NodeType.File)
            {
                await using var content = await entry.OpenAsync(cancellationToken);
                await using var source = await client.OpenDumpAsync(id, node.Path, null, cancellationToken);
                await source.CopyToAsync(content, cancellationToken);
            }
            else if (node.Type == NodeType.Symlink && node.LinkTarget is { } target)
            {
                await using var content = await entry.OpenAsync(cancellationToken);
                await content.WriteAsync(System.Text.Encoding.UTF8.GetBytes(target), cancellationToken);
            }
        }

        return true;
    }

    // The Unix file type bits unzip reads from the high half of the external attributes.
    private static uint TypeBits(NodeType type) =>
        type == NodeType.Directory ? 0x4000u : type == NodeType.Symlink ? 0xA000u : 0x8000u;

    /// <summary>The node at a path of a snapshot; a 404 problem when the snapshot has none.</summary>
    public static async Task<SnapshotNode> FindNodeAsync(IResticClient client, SnapshotId id, string path, CancellationToken cancellationToken)
    {
        await foreach (var node in client.GetNodesAsync(id, new ListOptions { Paths = [path] }, cancellationToken))
        {
            if (node.Path == path)
            {
                return node;
            }
        }

        throw new ApiProblemException(StatusCodes.Status404NotFound, "Not found", "The snapshot has no such path.");
    }
}
