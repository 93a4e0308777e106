using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Restic.Net.Output;
using Restic.Net.Serialization;

namespace Restic.Net.Benchmarks;

/// <summary>
/// The hot path of every backup and restore: classifying restic's JSON lines, turning them into
/// events, and deserializing the documents that listing commands print.
/// </summary>
[MemoryDiagnoser]
public class ParsingBenchmarks
{
    public const int SyntheticStatusLines = 10_000;
    public const int SnapshotCount = 1_000;

    private byte[][] _fixtureLines = [];
    private byte[][] _syntheticLines = [];
    private byte[] _snapshotsDocument = [];

    [GlobalSetup]
    public void Setup()
    {
        _fixtureLines = SplitLines(ReadResource("backup-0.18.0.stdout"));
        _syntheticLines = CreateSyntheticBackupOutput(SyntheticStatusLines);
        _snapshotsDocument = CreateSnapshotsDocument(SnapshotCount);

        // Measure nothing that does not work: every input must parse completely.
        Check(Classify(_fixtureLines) == _fixtureLines.Length, "every fixture line is JSON");
        Check(Classify(_syntheticLines) == _syntheticLines.Length, "every synthetic line is JSON");
        Check(Parse(_fixtureLines) == 40, "the fixture's summary reports 40 new files");
        Check(Parse(_syntheticLines) == 10_000, "the synthetic summary reports 10,000 new files");
        Check(Snapshots_DeserializeAndProject1000() == SnapshotCount, "the snapshots document holds 1,000 snapshots");
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Benchmark input is broken: expected " + what + ".");
        }
    }

    /// <summary>(a) <see cref="JsonLine.TryGetMessageType"/> over the 57 lines of the recorded restic 0.18.0 backup.</summary>
    [Benchmark]
    public int Classify_Fixture57Lines() => Classify(_fixtureLines);

    /// <summary>(a) <see cref="JsonLine.TryGetMessageType"/> over 10,000 status lines and a summary.</summary>
    [Benchmark]
    public int Classify_Synthetic10001Lines() => Classify(_syntheticLines);

    /// <summary>(b) <see cref="BackupOutputParser"/> over the recorded restic 0.18.0 backup (49 file events, status lines, summary).</summary>
    [Benchmark]
    public long BackupParser_Fixture57Lines() => Parse(_fixtureLines);

    /// <summary>(b) <see cref="BackupOutputParser"/> over 10,000 status lines (coalesced in the queue) and a summary.</summary>
    [Benchmark]
    public long BackupParser_Synthetic10001Lines() => Parse(_syntheticLines);

    /// <summary>(c) The <c>snapshots --json</c> document of 1,000 snapshots into wire DTOs.</summary>
    [Benchmark]
    public int Snapshots_Deserialize1000() =>
        ResticJson.DeserializeDocument(_snapshotsDocument, ResticJsonContext.Default.SnapshotDtoArray).Length;

    /// <summary>(c) The same document, projected onto the public <see cref="Snapshot"/> records as <c>GetSnapshotsAsync</c> does.</summary>
    [Benchmark]
    public int Snapshots_DeserializeAndProject1000() =>
        ResticJson.DeserializeDocument(_snapshotsDocument, ResticJsonContext.Default.SnapshotDtoArray).Select(Projections.ToSnapshot).ToArray().Length;

    private static int Classify(byte[][] lines)
    {
        var json = 0;
        foreach (var line in lines)
        {
            if (JsonLine.TryGetMessageType(line, out _))
            {
                json++;
            }
        }

        return json;
    }

    private static long Parse(byte[][] lines)
    {
        var parser = new BackupOutputParser(new EventQueue<BackupEvent>(), NullLogger.Instance);
        foreach (var line in lines)
        {
            parser.OnStandardOutputLine(line);
        }

        return parser.Summary?.FilesNew ?? 0;
    }

    private static byte[] ReadResource(string name)
    {
        using var stream = typeof(ParsingBenchmarks).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Missing embedded resource {name}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static byte[][] SplitLines(byte[] text) =>
        Encoding.UTF8.GetString(text).Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Length > 0)
            .Select(Encoding.UTF8.GetBytes)
            .ToArray();

    /// <summary>Status lines as restic 0.18 prints them while backing up 10,000 files, then its summary.</summary>
    internal static byte[][] CreateSyntheticBackupOutput(int statusLines)
    {
        const long TotalFiles = 10_000;
        const long TotalBytes = 8_589_934_592;
        var lines = new List<byte[]>(statusLines + 1);
        for (var i = 1; i <= statusLines; i++)
        {
            var done = (long)i * TotalFiles / (long)statusLines;
            var bytes = (long)i * TotalBytes / (long)statusLines;
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $$"""{"message_type":"status","seconds_elapsed":{{i / 2}},"seconds_remaining":{{(statusLines - i) / 2}},"percent_done":{{(double)i / statusLines}},"total_files":{{TotalFiles}},"files_done":{{done}},"total_bytes":{{TotalBytes}},"bytes_done":{{bytes}},"current_files":["/srv/data/projects/alpha/file-{{done:00000}}.bin","/srv/data/projects/beta/file-{{done + 1:00000}}.bin"]}""");
            lines.Add(Encoding.UTF8.GetBytes(line));
        }

        lines.Add("""{"message_type":"summary","files_new":10000,"files_changed":0,"files_unmodified":0,"dirs_new":120,"dirs_changed":0,"dirs_unmodified":0,"data_blobs":11234,"tree_blobs":121,"data_added":8589934592,"data_added_packed":8123456789,"total_files_processed":10000,"total_bytes_processed":8589934592,"total_duration":5000.25,"backup_start":"2026-01-01T02:00:00.123456789+01:00","backup_end":"2026-01-01T03:23:20.373456789+01:00","snapshot_id":"15f20c4ed7786f468a3f1840c0e0e6294be93985a9a8928b19272a054e5fce9d"}"""u8.ToArray());
        return lines.ToArray();
    }

    /// <summary>A <c>snapshots --json</c> array as restic 0.18 prints it: a chain of daily snapshots with summaries.</summary>
    internal static byte[] CreateSnapshotsDocument(int count)
    {
        var builder = new StringBuilder(count * 1100).Append('[');
        var start = new DateTimeOffset(2023, 1, 1, 2, 0, 0, TimeSpan.FromHours(1));
        string? parent = null;
        for (var i = 0; i < count; i++)
        {
            var id = Hex($"snapshot-{i}");
            var time = start.AddDays(i).AddTicks(i * 1234567L).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(CultureInfo.InvariantCulture, $$"""{"time":"{{time}}",""");
            if (parent is not null)
            {
                builder.Append(CultureInfo.InvariantCulture, $$"""
                    "parent":"{{parent}}",
                    """);
            }

            builder.Append(CultureInfo.InvariantCulture, $$"""
                "tree":"{{Hex($"tree-{i}")}}","paths":["/srv/data","/etc"],"hostname":"backup-host-{{i % 3}}","username":"root","uid":0,"gid":0,"excludes":["*.tmp","/srv/data/cache"],"tags":["daily","server"],"program_version":"restic 0.18.0","summary":{"backup_start":"{{time}}","backup_end":"{{time}}","files_new":{{i % 50}},"files_changed":{{i % 17}},"files_unmodified":{{100000 - (i % 67)}},"dirs_new":0,"dirs_changed":{{i % 9}},"dirs_unmodified":1200,"data_blobs":{{i % 211}},"tree_blobs":{{i % 13}},"data_added":{{i * 7919L}},"data_added_packed":{{i * 3541L}},"total_files_processed":100000,"total_bytes_processed":85899345920},"id":"{{id}}","short_id":"{{id[..8]}}"}
                """);
            parent = id;
        }

        return Encoding.UTF8.GetBytes(builder.Append(']').ToString());
    }

    private static string Hex(string seed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));
}
