using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Restic.Net.Benchmarks;

/// <summary>The benchmarks' inputs: restic 0.18 recordings (embedded from the unit-test fixtures), scaled up.</summary>
internal static class Inputs
{
    public static byte[] Resource(string name)
    {
        using var stream = typeof(Inputs).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Missing embedded resource {name}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public static string[] Lines(byte[] text) =>
        Encoding.UTF8.GetString(text).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// <c>ls --json</c> of a snapshot with <paramref name="nodes"/> nodes: the recorded snapshot line,
    /// then the recorded node lines over and over, each copy under its own folder (unique paths).
    /// </summary>
    public static byte[] LsOutput(int nodes)
    {
        var lines = Lines(Resource("ls-0.18.0.stdout"));
        var nodeLines = lines[1..];
        var builder = new StringBuilder(nodes * 420).Append(lines[0]).Append('\n');
        for (var i = 0; i < nodes; i++)
        {
            builder.Append(nodeLines[i % nodeLines.Length].Replace("\"path\":\"/tmp/restic-fixtures", $"\"path\":\"/tmp/restic-fixtures/copy-{i / nodeLines.Length:000000}", StringComparison.Ordinal)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>
    /// <c>backup --json --verbose</c> of <paramref name="files"/> new files: a <c>verbose_status</c>
    /// line per file, a <c>status</c> line (with <c>current_files</c>) every second file, then the summary.
    /// </summary>
    public static byte[] BackupOutput(int files)
    {
        var builder = new StringBuilder(files * 600);
        for (var i = 1; i <= files; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $$"""{"message_type":"verbose_status","action":"new","item":"/srv/data/projects/alpha/file-{{i:000000}}.bin","duration":0.000{{i % 97}},"data_size":{{i * 131 % 65536}},"data_size_in_repo":{{i * 71 % 65536}},"metadata_size":0,"metadata_size_in_repo":0,"total_files":0}""").Append('\n');
            if (i % 2 == 0)
            {
                builder.Append(CultureInfo.InvariantCulture, $$"""{"message_type":"status","seconds_elapsed":{{i / 100}},"seconds_remaining":{{(files - i) / 100}},"percent_done":{{(double)i / files}},"total_files":{{files}},"files_done":{{i}},"total_bytes":{{files * 32768L}},"bytes_done":{{i * 32768L}},"current_files":["/srv/data/projects/alpha/file-{{i:000000}}.bin","/srv/data/projects/beta/file-{{i + 1:000000}}.bin"]}""").Append('\n');
            }
        }

        builder.Append(CultureInfo.InvariantCulture, $$"""{"message_type":"summary","files_new":{{files}},"files_changed":0,"files_unmodified":0,"dirs_new":120,"dirs_changed":0,"dirs_unmodified":0,"data_blobs":{{files}},"tree_blobs":121,"data_added":{{files * 32768L}},"data_added_packed":{{files * 30000L}},"total_files_processed":{{files}},"total_bytes_processed":{{files * 32768L}},"total_duration":{{files / 100.0}},"backup_start":"2026-01-01T02:00:00.123456789+01:00","backup_end":"2026-01-01T03:23:20.373456789+01:00","snapshot_id":"15f20c4ed7786f468a3f1840c0e0e6294be93985a9a8928b19272a054e5fce9d"}""").Append('\n');
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>A <c>snapshots --json</c> array, on one line as restic prints it.</summary>
    public static byte[] SnapshotsDocument(int count) =>
        Encoding.UTF8.GetBytes("[" + string.Join(',', SnapshotObjects(count)) + "]\n");

    /// <summary>
    /// A <c>find --json</c> document: the recorded matches (41 files) in each of <paramref name="snapshots"/> snapshots.
    /// </summary>
    public static byte[] FindDocument(int snapshots)
    {
        var recorded = Encoding.UTF8.GetString(Resource("find-0.18.0.stdout")).Trim();
        var matches = recorded[(recorded.IndexOf('[', 1) + 1)..recorded.IndexOf(']', StringComparison.Ordinal)];
        var builder = new StringBuilder().Append('[');
        for (var i = 0; i < snapshots; i++)
        {
            builder.Append(i == 0 ? "" : ",")
                .Append("{\"matches\":[").Append(matches)
                .Append(CultureInfo.InvariantCulture, $$"""],"hits":41,"snapshot":"{{Hex($"snapshot-{i}")}}"}""");
        }

        return Encoding.UTF8.GetBytes(builder.Append("]\n").ToString());
    }

    /// <summary>A <c>forget --json</c> document: one group keeping <paramref name="keep"/> snapshots (with reasons) and removing <paramref name="remove"/>.</summary>
    public static byte[] ForgetDocument(int keep, int remove)
    {
        var snapshots = SnapshotObjects(keep + remove);
        var kept = snapshots[..keep];
        var reasons = kept.Select(s => $$"""{"snapshot":{{s}},"matches":["daily snapshot","monthly snapshot"]}""");
        var document = $$"""[{"tags":null,"host":"backup-host-0","paths":["/srv/data","/etc"],"keep":[{{string.Join(',', kept)}}],"remove":[{{string.Join(',', snapshots[keep..])}}],"reasons":[{{string.Join(',', reasons)}}]}]""";
        return Encoding.UTF8.GetBytes(document + "\n");
    }

    /// <summary>Snapshots as restic 0.18 prints them: a daily chain, each with parent, tags, excludes and summary.</summary>
    public static string[] SnapshotObjects(int count)
    {
        var result = new string[count];
        var start = new DateTimeOffset(2023, 1, 1, 2, 0, 0, TimeSpan.FromHours(1));
        string? parent = null;
        for (var i = 0; i < count; i++)
        {
            var id = Hex($"snapshot-{i}");
            var time = start.AddDays(i).AddTicks(i * 1234567L).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);
            var parentField = parent is null ? "" : $$"""
                "parent":"{{parent}}",
                """;
            result[i] = string.Create(CultureInfo.InvariantCulture, $$"""
                {"time":"{{time}}",{{parentField}}"tree":"{{Hex($"tree-{i}")}}","paths":["/srv/data","/etc"],"hostname":"backup-host-{{i % 3}}","username":"root","uid":0,"gid":0,"excludes":["*.tmp","/srv/data/cache"],"tags":["daily","server"],"program_version":"restic 0.18.0","summary":{"backup_start":"{{time}}","backup_end":"{{time}}","files_new":{{i % 50}},"files_changed":{{i % 17}},"files_unmodified":{{100000 - (i % 67)}},"dirs_new":0,"dirs_changed":{{i % 9}},"dirs_unmodified":1200,"data_blobs":{{i % 211}},"tree_blobs":{{i % 13}},"data_added":{{i * 7919L}},"data_added_packed":{{i * 3541L}},"total_files_processed":100000,"total_bytes_processed":85899345920},"id":"{{id}}","short_id":"{{id[..8]}}"}
                """);
            parent = id;
        }

        return result;
    }

    private static string Hex(string seed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));
}
