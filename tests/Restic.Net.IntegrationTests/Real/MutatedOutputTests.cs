using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>
/// The real restic's output, cut or mutated on its way to the client by a shell wrapper that still
/// exits 0: the client never ends successfully with less than restic printed.
/// </summary>
public sealed class MutatedOutputTests : IAsyncLifetime
{
    private readonly TempDirectory _root = new();
    private string _source = null!;
    private string[] _lsLines = [];

    private string Repository => _root.Combine("data", "repo");

    private string Cache => _root.Combine("data", "cache");

    public async Task InitializeAsync()
    {
        (var client, _source) = await _root.NewRepositoryAsync("data", files: 30);
        await client.BackupAsync([_source]);
        _lsLines = (await TestRestic.RunAsync(Repository, Cache, "ls", "--json", "latest"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }

    [Fact(Timeout = 60000)]
    public async Task ListAsync_OutputCutInTheLastLine_YieldsTheWholeLinesThenThrows()
    {
        // Everything but the last 20 bytes: the last node's line loses its end, and restic "exits" 0.
        var bytes = _lsLines.Sum(l => System.Text.Encoding.UTF8.GetByteCount(l) + 1) - 20;
        var client = ClientThrough($"\"$restic\" \"$@\" | head -c {bytes}");

        var (nodes, ex) = await ListAsync(client);

        Assert.Equal(_lsLines.Count(l => l.Contains("\"node\"", StringComparison.Ordinal)) - 1, nodes.Count);
        var error = Assert.IsType<ResticOutputException>(ex);
        Assert.Contains("ended in the middle of a line", error.Message);
        Assert.Equal(0, error.ExitCode);
    }

    [Fact(Timeout = 60000)]
    public async Task ListAsync_AnUnreadableLineAfterTenNodes_YieldsTheTenThenThrows()
    {
        // A node line with raw invalid UTF-8 and a size that is no number, after the snapshot line and ten nodes.
        var client = ClientThrough("\"$restic\" \"$@\" | LC_ALL=C awk 'NR == 12 { printf \"{\\\"name\\\":\\\"\\377\\376\\\",\\\"type\\\":\\\"file\\\",\\\"path\\\":\\\"/x\\\",\\\"size\\\":\\\"x\\\",\\\"message_type\\\":\\\"node\\\",\\\"struct_type\\\":\\\"node\\\"}\\n\" } { print }'");

        var (nodes, ex) = await ListAsync(client);

        Assert.Equal(10, nodes.Count);
        Assert.Equal(_lsLines.Skip(1).Take(10).Count(), nodes.Count);
        Assert.Contains("could not be read", Assert.IsType<ResticOutputException>(ex).Message);
    }

    [Fact(Timeout = 60000)]
    public async Task BackupAsync_SummaryCut_ThrowsInsteadOfReportingABackup()
    {
        var client = ClientThrough("\"$restic\" \"$@\" | head -c -25", verb: "backup");

        var ex = await Assert.ThrowsAsync<ResticOutputException>(() => client.BackupAsync([_source], new BackupOptions { Force = true }));

        Assert.Contains("ended in the middle of a line", ex.Message);
    }

    private static async Task<(List<SnapshotNode> Nodes, Exception? Error)> ListAsync(ResticClient client)
    {
        var nodes = new List<SnapshotNode>();
        try
        {
            await foreach (var node in client.GetNodesAsync(SnapshotReference.Latest))
            {
                nodes.Add(node);
            }
        }
        catch (Exception ex)
        {
            return (nodes, ex);
        }

        return (nodes, null);
    }

    // A restic whose stdout for one verb goes through a shell pipeline; the wrapper always exits 0.
    private ResticClient ClientThrough(string pipeline, string verb = "ls")
    {
        var wrapper = _root.Combine("restic-" + Guid.NewGuid().ToString("N")[..8]);
        File.WriteAllText(wrapper, $"#!/bin/sh\nrestic='{TestRestic.BinaryPath}'\nif [ \"$1\" = {verb} ]; then {pipeline}; exit 0; fi\nexec \"$restic\" \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var options = TestRestic.Options(Repository, Cache);
        options.BinaryPath = wrapper;
        return new ResticClient(options);
    }
}
