using System.Globalization;
using System.Text.Json;
using Restic.Net;
using Restic.Net.Repository;

/// <summary>
/// One native read as a whole process, the counterpart of one restic command, for <see cref="WholeProcessHarness"/>:
/// it opens the repository (key derivation, config), answers one question and exits, as a command-line tool built on
/// Restic.Net.Repository would. Repository and password come from RESTIC_REPOSITORY and RESTIC_PASSWORD (and an S3
/// bucket's keys and region from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_DEFAULT_REGION), as restic's do.
/// Output goes to stdout in the shape restic's own command prints (JSON lines for ls and find, restic's diff lines), so
/// both sides do the same work.
///
/// Restic.Net.Benchmarks read dump SNAPSHOT PATH      the file's bytes (restic dump)
/// Restic.Net.Benchmarks read ls SNAPSHOT [FOLDER]    a JSON line per node (restic ls --json)
/// Restic.Net.Benchmarks read find TAG PATTERN        a JSON line per match over the snapshots tagged TAG (restic find --json --tag)
/// Restic.Net.Benchmarks read diff FIRST SECOND       restic diff's change lines and counts
/// </summary>
internal static class ReadProcess
{
    public static async Task<int> RunAsync(string[] args)
    {
        var repository = ResticRepository.Parse(Environment.GetEnvironmentVariable("RESTIC_REPOSITORY")!);
        if (repository is S3Repository s3)
        {
            // The keys restic takes from the environment, as a program would pass them.
            repository = s3 with
            {
                AccessKeyId = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"),
                SecretAccessKey = Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY"),
                Region = Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION"),
            };
        }

        var password = ResticPassword.FromValue(Environment.GetEnvironmentVariable("RESTIC_PASSWORD")!);
        var phases = Environment.GetEnvironmentVariable("RESTIC_NET_READ_PHASES") == "1" ? System.Diagnostics.Stopwatch.StartNew() : null;
        await using var reader = await ResticRepositoryReader.OpenAsync(repository, password);
        if (phases is not null)
        {
            // Where a one-shot process spends its time (stderr): open, then the index, then the answer.
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"start-up {(DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime).TotalMilliseconds - phases.Elapsed.TotalMilliseconds:0} ms before Main's open; open {phases.Elapsed.TotalMilliseconds:0} ms"));
            phases.Restart();
        }

        // Buffered as restic's output is: a write per node would be a system call per node.
        await using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
        try
        {
            return await AnswerAsync(args, reader, stdout);
        }
        finally
        {
            if (phases is not null)
            {
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"answer {phases.Elapsed.TotalMilliseconds:0} ms"));
            }
        }
    }

    private static async Task<int> AnswerAsync(string[] args, ResticRepositoryReader reader, Stream stdout)
    {
        switch (args)
        {
            case ["read", "dump", var snapshot, var path]:
                await using (var file = await reader.OpenFileAsync(SnapshotReference.Parse(snapshot), path))
                {
                    await file.CopyToAsync(stdout, 1 << 20);
                }

                return 0;
            case ["read", "ls", var snapshot, .. var folders]:
                await WriteNodesAsync(stdout, reader.GetNodesAsync(SnapshotReference.Parse(snapshot), new ListOptions { Paths = folders }));
                return 0;
            case ["read", "find", var tag, var pattern]:
                await WriteMatchesAsync(stdout, reader.FindAsync([pattern], new FindOptions { Filter = new SnapshotFilter { Tags = [tag] } }));
                return 0;
            case ["read", "diff", var first, var second]:
                await WriteDiffAsync(stdout, reader.StreamDiffAsync(SnapshotReference.Parse(first), SnapshotReference.Parse(second)));
                return 0;
            default:
                await Console.Error.WriteLineAsync("usage: read dump SNAPSHOT PATH | read ls SNAPSHOT [FOLDER] | read find TAG PATTERN | read diff FIRST SECOND");
                return 2;
        }
    }

    private static async Task WriteNodesAsync(Stream output, IAsyncEnumerable<SnapshotNode> nodes)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        await foreach (var node in nodes)
        {
            WriteNode(json, node);
            json.Flush();
            output.WriteByte((byte)'\n');

            // A line per value: without a reset the writer separates the next value with a comma.
            json.Reset();
        }
    }

    private static async Task WriteMatchesAsync(Stream output, IAsyncEnumerable<FindResult> results)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        await foreach (var result in results)
        {
            json.WriteStartObject();
            json.WriteString("snapshot", result.SnapshotId.ToString());
            json.WriteStartArray("matches");
            foreach (var node in result.Matches)
            {
                WriteNode(json, node);
            }

            json.WriteEndArray();
            json.WriteNumber("hits", result.Hits);
            json.WriteEndObject();
            json.Flush();
            output.WriteByte((byte)'\n');
            json.Reset();
        }
    }

    private static async Task WriteDiffAsync(Stream output, IAsyncEnumerable<DiffEvent> events)
    {
        await using var writer = new StreamWriter(output, leaveOpen: true);
        await foreach (var diffEvent in events)
        {
            switch (diffEvent)
            {
                case DiffChangeEvent change:
                    await writer.WriteLineAsync($"{change.Change.Modifier,-5}{change.Change.Path}");
                    break;
                case DiffCompletedEvent completed:
                    var statistics = completed.Statistics;
                    await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Files: {statistics.Added.Files} new, {statistics.Removed.Files} removed, {statistics.ChangedFiles} changed"));
                    break;
            }
        }
    }

    // restic ls --json's fields, in its order.
    private static void WriteNode(Utf8JsonWriter json, SnapshotNode node)
    {
        json.WriteStartObject();
        json.WriteString("name", node.Name);
        json.WriteString("type", node.Type.ToString().ToLowerInvariant());
        json.WriteString("path", node.Path);
        json.WriteNumber("uid", node.Uid);
        json.WriteNumber("gid", node.Gid);
        if (node.Size is { } size)
        {
            json.WriteNumber("size", size);
        }

        json.WriteNumber("mode", (uint)node.Mode);
        json.WriteString("permissions", node.Permissions);
        json.WriteString("mtime", node.ModificationTime);
        json.WriteString("atime", node.AccessTime);
        json.WriteString("ctime", node.ChangeTime);
        if (node.Inode is { } inode)
        {
            json.WriteNumber("inode", inode);
        }

        json.WriteString("struct_type", "node");
        json.WriteEndObject();
    }
}
