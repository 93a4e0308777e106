using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Restic.Net.Extensions.DependencyInjection;
using Restic.Net.Repository.Tests.Support;
using Restic.Net.Tests.Support;

namespace Restic.Net.Repository.Tests.Conformance;

/// <summary>
/// A client that opted into native reads answers its reads without restic (proved by a restic binary that
/// does not exist) and equal to a client that runs restic; what the reader cannot serve still runs restic.
/// </summary>
public sealed class ClientNativeReadsTests(FormatVersion2Repository repository) : IClassFixture<FormatVersion2Repository>, IDisposable
{
    private readonly TempDirectory _folder = new("restic-net-native-");

    [Fact]
    public async Task Snapshots_listings_dumps_and_config_need_no_restic_and_equal_the_CLIs()
    {
        var logs = new CapturingLoggerFactory();
        var native = new ResticClient(NativeOptions(binary: _folder.Combine("no-restic-here")), logs);
        var cli = repository.Client;

        Assert.Equal(await cli.GetSnapshotsAsync(), await native.GetSnapshotsAsync());
        var latest = new SnapshotsOptions { Latest = 1 };
        Assert.Equal(await cli.GetSnapshotsAsync(latest), await native.GetSnapshotsAsync(latest));
        var untagged = new SnapshotsOptions { Filter = new SnapshotFilter { Tags = [""] } };
        Assert.Equal([repository.Snapshots[0]], await native.GetSnapshotsAsync(untagged));
        Assert.Equal(await cli.GetSnapshotsAsync(untagged), await native.GetSnapshotsAsync(untagged));
        Assert.Equal(await cli.GetConfigAsync(), await native.GetConfigAsync());

        // One snapshot by reference: a full id, a prefix, latest, latest narrowed by a filter; none matching throws on both paths.
        var first = repository.Snapshots[0];
        foreach (var reference in new[] { (SnapshotReference)first.Id, SnapshotReference.Parse(first.Id.ToShortString()), SnapshotReference.Latest })
        {
            Assert.Equal(await cli.GetSnapshotAsync(reference), await native.GetSnapshotAsync(reference));
        }

        Assert.Equal(repository.Snapshots[^1], await native.GetSnapshotAsync(SnapshotReference.Latest));
        Assert.Equal(first, await cli.GetSnapshotAsync(SnapshotReference.Latest, untagged.Filter));
        Assert.Equal(first, await native.GetSnapshotAsync(SnapshotReference.Latest, untagged.Filter));
        var nobody = new SnapshotFilter { HostNames = ["no-such-host"] };
        await Assert.ThrowsAsync<ResticSnapshotNotFoundException>(() => cli.GetSnapshotAsync(SnapshotReference.Latest, nobody));
        await Assert.ThrowsAsync<ResticSnapshotNotFoundException>(() => native.GetSnapshotAsync(SnapshotReference.Latest, nobody));
        await Assert.ThrowsAsync<ResticSnapshotNotFoundException>(() => cli.GetSnapshotAsync(SnapshotReference.Parse("deadbeef")));
        await Assert.ThrowsAsync<ResticSnapshotNotFoundException>(() => native.GetSnapshotAsync(SnapshotReference.Parse("deadbeef")));

        var nodes = await native.GetNodesAsync(SnapshotReference.Latest).ToListAsync();

        // restic prints inodes from 0.16.1 on; the reader always reports them.
        var comparable = repository.Version.Version < new Version(0, 16, 1) ? nodes.Select(node => node with { Inode = null }).ToList() : nodes;
        Assert.Equal(await cli.GetNodesAsync(SnapshotReference.Latest).ToListAsync(), comparable);
        var big = nodes.Single(node => node.Name == "big.bin");
        using var nativeBytes = new MemoryStream();
        await native.DumpAsync(SnapshotReference.Latest, big.Path, nativeBytes);
        using var cliBytes = new MemoryStream();
        await cli.DumpAsync(SnapshotReference.Latest, big.Path, cliBytes);
        Bytes.AssertEqual(cliBytes.ToArray(), nativeBytes.ToArray(), "big.bin");
        await using (var opened = await native.OpenDumpAsync(SnapshotReference.Latest, big.Path))
        {
            // Natively the interface member hands out the reader's seekable stream; through restic it is a pipe.
            Assert.True(opened.CanSeek);
            Assert.Equal(big.Size, opened.Length);
            Bytes.AssertEqual(cliBytes.ToArray(), await Bytes.ReadAllAsync(opened), "big.bin through OpenDumpAsync");
        }

        await using (var piped = await cli.OpenDumpAsync(SnapshotReference.Latest, big.Path))
        {
            Assert.False(piped.CanSeek);
            Bytes.AssertEqual(cliBytes.ToArray(), await Bytes.ReadAllAsync(piped), "big.bin through restic's OpenDumpAsync");
        }

        // Typed errors are the CLI path's.
        await Assert.ThrowsAsync<ResticPathNotFoundException>(() => native.DumpAsync(SnapshotReference.Latest, big.Path + ".missing", Stream.Null));
        await Assert.ThrowsAsync<ResticPathNotFoundException>(() => cli.DumpAsync(SnapshotReference.Latest, big.Path + ".missing", Stream.Null));
        await Assert.ThrowsAsync<ResticSnapshotNotFoundException>(() => native.GetNodesAsync(SnapshotReference.Parse("deadbeef")).GetAsyncEnumerator().MoveNextAsync().AsTask());

        // Writes still need restic, which is not there: the native path really served the reads above.
        await Assert.ThrowsAsync<ResticBinaryNotFoundException>(() => native.BackupAsync([repository.Source]));
        Assert.Single(logs.Entries, entry => entry.EventId.Id == 1050);
    }

    [Fact]
    public async Task A_folder_dump_runs_restic_for_the_archive()
    {
        var native = new ResticClient(NativeOptions());
        var nested = (await native.GetNodesAsync(SnapshotReference.Latest).ToListAsync()).Single(node => node.Name == "nested").Path;
        using var nativeTar = new MemoryStream();
        await native.DumpAsync(SnapshotReference.Latest, nested, nativeTar);
        using var cliTar = new MemoryStream();
        await repository.Client.DumpAsync(SnapshotReference.Latest, nested, cliTar);
        Assert.True(nativeTar.Length > 1024);
        Bytes.AssertEqual(cliTar.ToArray(), nativeTar.ToArray(), "the tar of nested/");
    }

    [Fact]
    public async Task A_password_command_runs_restic_for_every_read()
    {
        var logs = new CapturingLoggerFactory();
        var options = NativeOptions();
        options.Password = ResticPassword.FromCommand("echo " + TestRestic.Password);
        var client = new ResticClient(options, logs);
        Assert.Equal(repository.Snapshots, await client.GetSnapshotsAsync());
        Assert.Single(logs.Entries, entry => entry.EventId.Id == 1051);
        Assert.Contains(logs.Entries, entry => entry.EventId.Id == 1000);
    }

    [Fact]
    public async Task A_wrong_password_throws_the_CLIs_typed_error_and_is_tried_again_on_the_next_read()
    {
        var options = NativeOptions(binary: _folder.Combine("no-restic-here"));
        options.Password = ResticPassword.FromValue("wrong");
        var client = new ResticClient(options);
        await Assert.ThrowsAsync<ResticWrongPasswordException>(() => client.GetSnapshotsAsync());
        await Assert.ThrowsAsync<ResticWrongPasswordException>(() => client.GetConfigAsync());
    }

    [Fact]
    public async Task NativeReads_true_in_configuration_opts_a_DI_client_in()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Restic:Repository"] = repository.Repository,
            ["Restic:Password"] = TestRestic.Password,
            ["Restic:BinaryPath"] = _folder.Combine("no-restic-here"),
            ["Restic:NativeReads"] = "true",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IResticNativeReaderFactory>(ResticNativeReads.Default);
        services.AddResticClient(configuration.GetSection("Restic"));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IResticClient>();
        Assert.Equal(repository.Snapshots, await client.GetSnapshotsAsync());
    }

    [Fact]
    public async Task NativeReads_true_without_a_registered_reader_fails_at_start_naming_what_to_add()
    {
        // The DI package does not reference the reader: the container must hold one.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Restic:Repository"] = repository.Repository,
            ["Restic:Password"] = TestRestic.Password,
            ["Restic:NativeReads"] = "true",
        }).Build();
        var services = new ServiceCollection();
        services.AddResticClient(configuration.GetSection("Restic"));
        await using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IResticClient>());

        Assert.Contains("ResticNativeReads.Default", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Restic.Net.Repository", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Find_needs_no_restic_and_equals_the_CLIs()
    {
        await using var native = new ResticClient(NativeOptions(binary: _folder.Combine("no-restic-here")));
        string[] patterns = ["*.txt", "deep.txt"];

        var cli = await repository.Client.FindAsync(patterns).ToResultsAsync();
        var found = await native.FindAsync(patterns).ToResultsAsync();

        Assert.Equal(repository.Snapshots.Select(s => s.Id), found.Select(r => r.SnapshotId)); // oldest first
        foreach (var expected in cli)
        {
            var actual = found.Single(r => r.SnapshotId == expected.SnapshotId);
            var matches = repository.Version.Version < new Version(0, 16, 1) ? actual.Matches.Select(node => node with { Inode = null }).ToArray() : actual.Matches;
            Assert.Equal(expected.Matches, matches);
            Assert.Equal(expected.Hits, actual.Hits);
        }

        Assert.Throws<ArgumentException>(() => native.FindAsync(["["]));
    }

    [Fact]
    public async Task Diff_needs_no_restic_and_equals_the_CLIs()
    {
        await using var native = new ResticClient(NativeOptions(binary: _folder.Combine("no-restic-here")));
        SnapshotReference first = repository.Snapshots[0].Id;
        SnapshotReference second = repository.Snapshots[1].Id;
        foreach (var (from, to) in new[] { (first, second), (second, first), (first, SnapshotReference.Latest), (first, first) })
        {
            foreach (var metadata in new[] { false, true })
            {
                var options = new DiffOptions { IncludeMetadata = metadata };
                var cli = await repository.Client.DiffAsync(from, to, options);
                var actual = await native.DiffAsync(from, to, options);
                Assert.Equal(cli.Changes, actual.Changes);
                Assert.Equal(cli.Statistics, actual.Statistics);
            }
        }

        // Natively a subfolder needs no restic 0.16: the reader reads it on any version.
        var nested = repository.Source + "/nested";
        var below = await native.DiffAsync(first.WithSubfolder(nested), SnapshotReference.Latest.WithSubfolder(nested));
        Assert.Equal([new DiffChange { Path = "/added.txt", Modifier = "+" }], below.Changes);
        Assert.Equal(((SnapshotReference)repository.Snapshots[^1].Id).WithSubfolder(nested), below.Statistics.TargetSnapshot);
    }

    private ResticClientOptions NativeOptions(string? binary = null)
    {
        var options = TestRestic.Options(repository.Repository, _folder.Combine("cache")).UseNativeReads();
        if (binary is not null)
        {
            options.BinaryPath = binary;
        }

        return options;
    }
}
