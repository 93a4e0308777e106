using System.Buffers;
using System.Text.Json;
using System.Text;
using BenchmarkDotNet.Attributes;
using Restic.Net.Output;
using Restic.Net.Serialization;

namespace Restic.Net.Benchmarks;

/// <summary>
/// <c>ls --json</c> of a 200,000-node snapshot: <see cref="ResticClient.GetNodesAsync"/> (pipe, line
/// splitting, one-pass node reader) against the naive wrapper, and against the bare cost of the
/// records it returns (the lower bound for allocations).
/// </summary>
[MemoryDiagnoser]
public class LsBenchmarks : ISmokeTestable
{
    private byte[] _output = [];
    private byte[][] _names = [];
    private byte[][] _paths = [];
    private ResticClient _client = null!;

    public int Nodes { get; set; } = 200_000;

    public void UseSmallInputs() => Nodes = 2_000;

    [GlobalSetup]
    public void Setup()
    {
        _output = Inputs.LsOutput(Nodes);
        _client = InMemoryRestic.CreateClient(_output);
        var naive = Inputs.Lines(_output).Skip(1).Select(Naive.Deserialize<NaiveNode>).ToArray();
        _names = naive.Select(n => Encoding.UTF8.GetBytes(n.Name!)).ToArray();
        _paths = naive.Select(n => Encoding.UTF8.GetBytes(n.Path!)).ToArray();
    }

    /// <summary>StreamReader.ReadLine and reflection: a string and a DTO per line (the snapshot line read twice, as its type is known only after reading it).</summary>
    [Benchmark(Baseline = true)]
    public int Naive_ReadLineAndReflection()
    {
        using var reader = Naive.Open(_output);
        var nodes = 0;
        NaiveSnapshot? snapshot = null;
        while (reader.ReadLine() is { } line)
        {
            var node = Naive.Deserialize<NaiveNode>(line);
            if ((node.MessageType ?? node.StructType) == "node")
            {
                nodes++;
            }
            else if ((node.MessageType ?? node.StructType) == "snapshot")
            {
                snapshot = Naive.Deserialize<NaiveSnapshot>(line);
            }
        }

        return snapshot is null ? -1 : nodes;
    }

    /// <summary>The production path: <c>ListAsync</c> over restic's stdout written into the client's pipe.</summary>
    [Benchmark]
    public async Task<int> ListAsync()
    {
        var nodes = 0;
        var listing = _client.GetNodesAsync(SnapshotReference.Latest);
        await foreach (var node in listing.ConfigureAwait(false))
        {
            nodes++;
        }

        return nodes;
    }

    /// <summary>
    /// The parser alone, on one thread: the line splitting and the per-line reader <c>ListAsync</c> runs
    /// (<see cref="OutputPipe.ReadLines"/> and <see cref="NodeLine"/>), without the pipe between two threads.
    /// </summary>
    [Benchmark]
    public int Parser_ReadLinesAndNodeLine()
    {
        var nodes = 0;
        var snapshot = false;
        OutputPipe.ReadLines(new ReadOnlySequence<byte>(_output), isFinal: true, line =>
        {
            if (NodeLine.TryRead(line, out _))
            {
                nodes++;
            }
            else
            {
                snapshot |= JsonLine.TryGetMessageType(line, out var type) && type == "snapshot";
            }
        });

        return snapshot ? nodes : -1;
    }

    /// <summary>A reference, not a parser: splitting the lines and only tokenizing them with <see cref="Utf8JsonReader"/> (the floor of any reader built on it).</summary>
    [Benchmark]
    public int TokenizeOnly()
    {
        var lines = 0;
        OutputPipe.ReadLines(new ReadOnlySequence<byte>(_output), isFinal: true, line =>
        {
            var reader = new Utf8JsonReader(line);
            while (reader.Read())
            {
            }

            lines++;
        });

        return lines - 1; // the snapshot line
    }

    /// <summary>Only what a caller keeps: the name and path strings and the <see cref="SnapshotNode"/> record per node.</summary>
    [Benchmark]
    public int NodeRecordsOnly()
    {
        var nodes = 0;
        for (var i = 0; i < _names.Length; i++)
        {
            var node = new SnapshotNode { Name = Encoding.UTF8.GetString(_names[i]), Type = NodeType.File, Path = Encoding.UTF8.GetString(_paths[i]) };
            nodes += node.Name.Length > 0 ? 1 : 0;
        }

        return nodes;
    }
}
