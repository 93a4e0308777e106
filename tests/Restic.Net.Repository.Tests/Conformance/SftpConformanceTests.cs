using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Restic.Net.Repository.Tests.Support;
using Restic.Net.Tests.Support;

namespace Restic.Net.Repository.Tests.Conformance;

/// <summary>
/// The conformance tests on a repository that restic wrote over SFTP into an OpenSSH sshd, read natively over SFTP, and
/// a find compared with restic's (find's own cases run on the local repositories); a client that opted into native reads serves it without restic; and a refused key, a host key nobody vouches for, a
/// stopped or silent server and a missing folder are typed errors within the timeouts.
/// </summary>
[Trait("Restic", "Newest")] // a transport, not a format: against the newest restic only (docs/design-decisions.md)
public sealed class SftpConformanceTests(SftpConformanceRepository repository) : ConformanceTests<SftpConformanceRepository>(repository), IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly SftpConformanceRepository _repository = repository;
    private readonly TempDirectory _folder = new("restic-net-sftp-native-");

    [Fact]
    public async Task A_client_with_native_reads_reads_SFTP_without_restic()
    {
        var logs = new CapturingLoggerFactory();
        var options = _repository.ClientOptions().UseNativeReads();
        options.Repository = _repository.Sftp;
        options.BinaryPath = _folder.Combine("no-restic-here");
        options.CacheDirectory = _folder.Combine("cache");
        var native = new ResticClient(options, logs);
        var cli = _repository.Client;

        Assert.Equal(await cli.GetSnapshotsAsync(), await native.GetSnapshotsAsync());
        Assert.Equal(await cli.GetConfigAsync(), await native.GetConfigAsync());
        var nodes = await native.GetNodesAsync(SnapshotReference.Latest).ToListAsync();

        // restic prints inodes from 0.16.1 on; the reader always reports them.
        var comparable = _repository.Version.Version < new Version(0, 16, 1) ? nodes.Select(node => node with { Inode = null }).ToList() : nodes;
        Assert.Equal(await cli.GetNodesAsync(SnapshotReference.Latest).ToListAsync(), comparable);
        var big = nodes.Single(node => node.Name == "big.bin");
        using var nativeBytes = new MemoryStream();
        await native.DumpAsync(SnapshotReference.Latest, big.Path, nativeBytes);
        using var cliBytes = new MemoryStream();
        await cli.DumpAsync(SnapshotReference.Latest, big.Path, cliBytes);
        Bytes.AssertEqual(cliBytes.ToArray(), nativeBytes.ToArray(), "big.bin");

        // Writes still need restic, which is not there: the native path really served the reads above.
        await Assert.ThrowsAsync<ResticBinaryNotFoundException>(() => native.BackupAsync([_repository.Source]));
        Assert.Single(logs.Entries, entry => entry.EventId.Id == 1050);
        var key = await File.ReadAllTextAsync(_repository.Server.IdentityFile);
        Assert.DoesNotContain(logs.Entries, entry => entry.AllText.Contains(key.Split('\n')[1], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Find_over_SFTP_finds_what_restic_find_finds()
    {
        // One search over every snapshot and one over a selection: find's own cases run on the local repositories
        // (FindConformanceTests); here the storage under it is SFTP.
        await using var reader = await ResticRepositoryReader.OpenAsync(_repository.Sftp, _repository.Password);
        var cases = new (string[] Patterns, FindOptions Options)[]
        {
            (["*.txt", "big.bin"], new FindOptions()),
            (["added.txt", "hello.txt"], new FindOptions { Snapshots = [SnapshotReference.Latest] }),
        };
        foreach (var (patterns, options) in cases)
        {
            var cli = await _repository.Client.FindAsync(patterns, options).ToResultsAsync();
            var native = await reader.FindAsync(patterns, options).ToResultsAsync();
            Assert.NotEmpty(cli);
            if (_repository.Version.Version < new Version(0, 16, 1))
            {
                native = native.Select(r => r with { Matches = r.Matches.Select(node => node with { Inode = null }).ToArray() }).ToList();
            }

            // restic's snapshot order changed in 0.16 and 0.18: compared snapshot by snapshot.
            Assert.Equal(cli.Select(r => r.SnapshotId.Value).Order(StringComparer.Ordinal), native.Select(r => r.SnapshotId.Value).Order(StringComparer.Ordinal));
            foreach (var expected in cli)
            {
                var actual = native.Single(r => r.SnapshotId == expected.SnapshotId);
                Assert.Equal(expected.Matches, actual.Matches);
                Assert.Equal(expected.Hits, actual.Hits);
            }
        }
    }

    [Fact]
    public void What_ssh_alone_can_honour_is_left_to_restic()
    {
        var reads = ResticNativeReads.Default;
        Assert.True(reads.CanRead(_repository.Sftp, _repository.Password));

        // The fixture's restic repository passes -oLogLevel=ERROR: any ssh argument may change the connection.
        Assert.False(reads.CanRead(_repository.ResticSftp, _repository.Password));
        Assert.False(reads.CanRead(_repository.Sftp with { SshProgram = "/opt/ssh/bin/ssh" }, _repository.Password));
        Assert.False(reads.CanRead(_repository.Sftp with { IdentityFile = null }, _repository.Password));
        Assert.False(reads.CanRead(_repository.Sftp, ResticPassword.FromCommand("echo secret")));
    }

    [Fact]
    public async Task Snapshots_and_file_bytes_read_in_parallel_over_one_session()
    {
        await using var reader = await ResticRepositoryReader.OpenAsync(_repository.Sftp, _repository.Password);
        var files = (await reader.GetNodesAsync(SnapshotReference.Latest).ToListAsync())
            .Where(node => node.Type == NodeType.File && !node.Path.Contains("/shared/", StringComparison.Ordinal))
            .ToList();

        // Every file at once, big.bin four times: the requests interleave on the SSH session.
        var reads = files.Concat(Enumerable.Repeat(files.Single(node => node.Name == "big.bin"), 3)).Select(async file =>
        {
            await using var stream = await reader.OpenFileAsync(SnapshotReference.Latest, file.Path);
            Bytes.AssertEqual(await File.ReadAllBytesAsync(file.Path), await Bytes.ReadAllAsync(stream), file.Path + " over SFTP");
        });
        await Task.WhenAll(reads);
    }

    [Fact]
    public async Task A_key_the_server_does_not_accept_is_access_denied_without_key_material()
    {
        var wrong = _repository.Sftp with { IdentityFile = _repository.Server.WrongIdentityFile };
        var watch = Stopwatch.StartNew();
        var denied = await Assert.ThrowsAsync<ResticBackendAccessDeniedException>(() => ResticRepositoryReader.OpenAsync(wrong, _repository.Password));
        Assert.True(watch.Elapsed < Bound, $"took {watch.Elapsed}");
        Assert.False(denied.IsTransient);
        Assert.Contains(_repository.Server.WrongIdentityFile, denied.Message, StringComparison.Ordinal);
        var text = denied.ToString();
        foreach (var line in (await File.ReadAllLinesAsync(_repository.Server.WrongIdentityFile)).Where(line => !line.StartsWith("-----", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(line, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(TestRestic.Password, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_key_must_be_known_when_checking_is_on_plain_or_hashed()
    {
        var knownHosts = _folder.Combine("known_hosts");
        var name = $"[{SftpServer.ServerHost}]:{_repository.Server.Port}";
        var strict = _repository.Sftp with { HostKeyChecking = SftpHostKeyChecking.Strict, KnownHostsFile = knownHosts };

        // Unknown: refused before the login, typed, naming the file; Default refuses as ssh in batch mode does.
        await File.WriteAllTextAsync(knownHosts, "# nothing known\n");
        var refused = await Assert.ThrowsAsync<ResticBackendCertificateException>(() => ResticRepositoryReader.OpenAsync(strict, _repository.Password));
        Assert.Contains(knownHosts, refused.Message, StringComparison.Ordinal);
        Assert.False(refused.IsTransient);
        await Assert.ThrowsAsync<ResticBackendCertificateException>(() => ResticRepositoryReader.OpenAsync(strict with { HostKeyChecking = SftpHostKeyChecking.Default }, _repository.Password));

        // Known, as a plain entry among others (a pattern that excludes the host must not count).
        await File.WriteAllTextAsync(knownHosts, $"""
            other.example,!{name} {_repository.Server.HostPublicKey}
            {name},other.example {_repository.Server.HostPublicKey}

            """);
        await using (var reader = await ResticRepositoryReader.OpenAsync(strict, _repository.Password))
        {
            Assert.Equal(_repository.Snapshots, await reader.GetSnapshotsAsync());
        }

        // Known, hashed as ssh's HashKnownHosts writes it: |1|salt|HMAC-SHA1(salt, name).
        var salt = RandomNumberGenerator.GetBytes(20);
#pragma warning disable CA5350 // the format's algorithm
        var hash = HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes(name));
#pragma warning restore CA5350
        var hashed = $"|1|{Convert.ToBase64String(salt)}|{Convert.ToBase64String(hash)}";
        await File.WriteAllTextAsync(knownHosts, $"{hashed} {_repository.Server.HostPublicKey}\n");
        await using (var reader = await ResticRepositoryReader.OpenAsync(strict, _repository.Password))
        {
            Assert.Equal(_repository.Snapshots, await reader.GetSnapshotsAsync());
        }

        // Another key for the host: refused, also by accept-new; revoked: refused.
        var otherKey = (await File.ReadAllTextAsync(_repository.Server.IdentityFile + ".pub")).Trim();
        await File.WriteAllTextAsync(knownHosts, $"{hashed} {otherKey}\n");
        await Assert.ThrowsAsync<ResticBackendCertificateException>(() => ResticRepositoryReader.OpenAsync(strict, _repository.Password));
        await Assert.ThrowsAsync<ResticBackendCertificateException>(() => ResticRepositoryReader.OpenAsync(strict with { HostKeyChecking = SftpHostKeyChecking.AcceptNew }, _repository.Password));
        await File.WriteAllTextAsync(knownHosts, $"{name} {_repository.Server.HostPublicKey}\n@revoked * {_repository.Server.HostPublicKey}\n");
        await Assert.ThrowsAsync<ResticBackendCertificateException>(() => ResticRepositoryReader.OpenAsync(strict, _repository.Password));
    }

    [Fact]
    public async Task Accept_new_trusts_and_records_a_first_key_as_ssh_does()
    {
        var knownHosts = _folder.Combine("accept-new", "known_hosts");
        var acceptNew = _repository.Sftp with { HostKeyChecking = SftpHostKeyChecking.AcceptNew, KnownHostsFile = knownHosts };
        await using (var reader = await ResticRepositoryReader.OpenAsync(acceptNew, _repository.Password))
        {
            Assert.Equal(_repository.Snapshots, await reader.GetSnapshotsAsync());
        }

        var recorded = Assert.Single(await File.ReadAllLinesAsync(knownHosts));
        var hostKey = _repository.Server.HostPublicKey.Split(' ');
        Assert.Equal($"[{SftpServer.ServerHost}]:{_repository.Server.Port} {hostKey[0]} {hostKey[1]}", recorded);

        // The recorded key is what a strict check then finds.
        await using var strict = await ResticRepositoryReader.OpenAsync(acceptNew with { HostKeyChecking = SftpHostKeyChecking.Strict }, _repository.Password);
        Assert.Equal(_repository.Snapshots, await strict.GetSnapshotsAsync());
    }

    [Fact]
    public async Task A_stopped_server_is_unreachable_and_a_silent_one_a_timeout_within_the_bounds()
    {
        var stopped = _repository.Sftp with { Port = ServerProcess.FreePort() };
        var watch = Stopwatch.StartNew();
        var unreachable = await Assert.ThrowsAsync<ResticBackendUnreachableException>(() => ResticRepositoryReader.OpenAsync(stopped, _repository.Password));
        Assert.True(watch.Elapsed < Bound, $"took {watch.Elapsed}");
        Assert.True(unreachable.IsTransient);

        // A server that accepts the connection and never says a word: ConnectTimeout bounds the wait.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = silent.AcceptTcpClientAsync();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        watch.Restart();
        var timeout = await Assert.ThrowsAsync<ResticTimeoutException>(() => ResticRepositoryReader.OpenAsync(
            _repository.Sftp with { Port = port, ConnectTimeout = TimeSpan.FromSeconds(2) }, _repository.Password));
        Assert.Equal(TimeSpan.FromSeconds(2), timeout.Timeout);
        Assert.True(watch.Elapsed < Bound, $"took {watch.Elapsed}");

        // Without ConnectTimeout the request timeout bounds it.
        watch.Restart();
        await Assert.ThrowsAsync<ResticTimeoutException>(() => ResticRepositoryReader.OpenAsync(
            _repository.Sftp with { Port = port, ConnectTimeout = null }, _repository.Password, new ResticRepositoryReaderOptions { RequestTimeout = TimeSpan.FromSeconds(2) }));
        Assert.True(watch.Elapsed < Bound, $"took {watch.Elapsed}");
        (await accepted).Dispose();
    }

    [Fact]
    public async Task A_server_that_stops_sending_is_a_timeout_and_a_dropped_session_is_opened_again()
    {
        var timeout = TimeSpan.FromSeconds(2);
        await using var proxy = new TcpStallingProxy(_repository.Server.Port);
        var location = _repository.Sftp with { Port = proxy.Port };
        await using var reader = await ResticRepositoryReader.OpenAsync(location, _repository.Password, new ResticRepositoryReaderOptions { RequestTimeout = timeout });
        var big = (await reader.GetNodesAsync(SnapshotReference.Latest).ToListAsync()).Single(node => node.Name == "big.bin");
        var expected = await File.ReadAllBytesAsync(big.Path);
        async Task<byte[]> ReadBigAsync()
        {
            await using var stream = await reader.OpenFileAsync(SnapshotReference.Latest, big.Path);
            return await Bytes.ReadAllAsync(stream);
        }

        // Answers held back with the connection open: each read ends at the request timeout.
        proxy.Stalled = true;
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<ResticTimeoutException>(ReadBigAsync).WaitAsync(Bound);
        Assert.Equal(timeout, error.Timeout);
        Assert.True(watch.Elapsed < Bound, $"took {watch.Elapsed}");

        // The held answers arrive, for requests nobody waits for any more; the session goes on.
        proxy.Stalled = false;
        Bytes.AssertEqual(expected, await ReadBigAsync(), "big.bin after the stall");

        // The server drops the session: a read that meets the broken connection is unreachable (transient), and the
        // next one opens a new session.
        var connections = proxy.Accepted;
        proxy.CutAll();
        byte[] bytes;
        try
        {
            bytes = await ReadBigAsync();
        }
        catch (ResticBackendUnreachableException unreachable)
        {
            Assert.True(unreachable.IsTransient);
            bytes = await ReadBigAsync();
        }

        Bytes.AssertEqual(expected, bytes, "big.bin after the session was dropped");
        Assert.Equal(connections + 1, proxy.Accepted);
    }

    [Fact]
    public async Task A_missing_folder_is_a_missing_repository_and_a_disposed_reader_says_so()
    {
        var missing = _repository.At(Path.Combine(_repository.Server.DataFolder, "no-such-repository"));
        await Assert.ThrowsAsync<ResticRepositoryNotFoundException>(() => ResticRepositoryReader.OpenAsync(missing, _repository.Password));
        await Assert.ThrowsAsync<ResticWrongPasswordException>(() => ResticRepositoryReader.OpenAsync(_repository.Sftp, ResticPassword.FromValue("not the password")));

        var reader = await ResticRepositoryReader.OpenAsync(_repository.Sftp, _repository.Password);
        reader.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => reader.GetSnapshotsAsync());
    }

    public void Dispose() => _folder.Dispose();
}
