namespace Restic.Net.IntegrationTests.Process;

/// <summary>How restic's exits map to exceptions, with a fake restic process; and that they carry no secret.</summary>
[Trait("Restic", "None")] // starts no restic: run once, not per restic version
public sealed class ResticErrorTests
{
    private const string Password = "s3cret-pa55word-7f3a";
    private static readonly string[] s_paths = ["/data"];

    [Fact(Timeout = 30000)]
    public async Task BackupAsync_ExitError12_ThrowsWrongPassword()
    {
        using var fake = new FakeRestic()
            .WithStderr(ResticLines.ExitError(12, "Fatal: wrong password or no key found"))
            .WithExitCode(12);
        var client = new ResticClient(fake.CreateOptions(Password));

        var ex = await Assert.ThrowsAsync<ResticWrongPasswordException>(() => client.BackupAsync(s_paths));

        Assert.Equal(12, ex.ExitCode);
        Assert.Equal("Fatal: wrong password or no key found", ex.ResticMessage);
        Assert.Equal(Path.GetFileName(FakeRestic.BinaryPath) + " backup --json -- /data", ex.CommandLine);
        AssertCarriesNoSecret(ex, Password);
    }

    [Fact(Timeout = 30000)]
    public async Task GetSnapshotsAsync_ExitError10_ThrowsRepositoryNotFound()
    {
        using var fake = new FakeRestic();
        fake.WithStderr(ResticLines.ExitError(
                10,
                $"Fatal: repository does not exist: unable to open config file: stat {fake.RepositoryPath}/config: no such file or directory\n" +
                $"Is there a repository at the following location?\n{fake.RepositoryPath}"))
            .WithExitCode(10);
        var client = new ResticClient(fake.CreateOptions(Password));

        var ex = await Assert.ThrowsAsync<ResticRepositoryNotFoundException>(() => client.GetSnapshotsAsync());

        Assert.Equal(10, ex.ExitCode);
        Assert.Contains("repository does not exist", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Path.GetFileName(FakeRestic.BinaryPath) + " snapshots --json", ex.CommandLine);
        Assert.Equal("snapshots", fake.SingleRecord().Arguments[0]);
        AssertCarriesNoSecret(ex, Password);
    }

    [Fact(Timeout = 30000)]
    public async Task BackupAsync_ExitError11_ThrowsRepositoryLockedWithLockHolder()
    {
        // Copied from TestData/restic-0.18.0/locked.stderr.
        using var fake = new FakeRestic()
            .WithStderr(ResticLines.ExitError(
                11,
                "unable to create lock in backend: repository is already locked by PID 5369 on vm by root (UID 0, GID 0)\n" +
                "lock was created at 2026-11-26 14:31:29 (1.637304281s ago)\nstorage ID df31678f\n" +
                "the `unlock` command can be used to remove stale locks"))
            .WithExitCode(11);
        var client = new ResticClient(fake.CreateOptions(Password));

        var ex = await Assert.ThrowsAsync<ResticRepositoryLockedException>(() => client.BackupAsync(s_paths));

        Assert.Equal(11, ex.ExitCode);
        Assert.Equal("PID 5369 on vm by root (UID 0, GID 0)", ex.LockHolder);
        // The default LockWaitTimeout is zero: no retry, a single run.
        Assert.Single(fake.ReadRecords());
        AssertCarriesNoSecret(ex, Password);
    }

    [Fact(Timeout = 30000)]
    public async Task BackupAsync_Restic014WrongPasswordText_ThrowsWrongPassword()
    {
        using var fake = new FakeRestic()
            .WithStderr("Fatal: wrong password or no key found")
            .WithExitCode(1);
        var options = fake.CreateOptions(Password);
        options.BinaryPath = fake.CreateVersionWrapper("restic 0.14.0 compiled with go1.19.8 on linux/amd64");
        var client = new ResticClient(options);

        var version = await client.GetVersionAsync();
        var ex = await Assert.ThrowsAsync<ResticWrongPasswordException>(() => client.BackupAsync(s_paths));

        Assert.Equal(new Version(0, 14, 0), version.Version);
        Assert.Equal(1, ex.ExitCode);
        Assert.Equal("Fatal: wrong password or no key found", ex.ResticMessage);
        AssertCarriesNoSecret(ex, Password);
    }

    [Fact(Timeout = 30000)]
    public async Task BackupAsync_Restic014LockedText_ThrowsRepositoryLockedWithLockHolder()
    {
        // Copied from TestData/restic-0.14.0/locked.stderr.
        using var fake = new FakeRestic()
            .WithStderr(
                "unable to create lock in backend: repository is already locked by PID 5858 on vm by root (UID 0, GID 0)",
                "lock was created at 2026-11-26 14:32:03 (1.614820654s ago)",
                "storage ID 2380ff88",
                "the `unlock` command can be used to remove stale locks")
            .WithExitCode(1);
        var options = fake.CreateOptions(Password);
        options.BinaryPath = fake.CreateVersionWrapper("restic 0.14.0 compiled with go1.19.8 on linux/amd64");
        var client = new ResticClient(options);

        var ex = await Assert.ThrowsAsync<ResticRepositoryLockedException>(() => client.BackupAsync(s_paths));

        Assert.Equal(1, ex.ExitCode);
        Assert.Equal("PID 5858 on vm by root (UID 0, GID 0)", ex.LockHolder);
    }

    [Fact(Timeout = 30000)]
    public async Task BackupAsync_ResticPrintsPasswordAndUrlCredentials_ExceptionRedactsThem()
    {
        const string UrlPassword = "url-pa55-9d1c";
        const string Location = "rest:http://backup:" + UrlPassword + "@127.0.0.1:8000/repo";
        using var fake = new FakeRestic()
            .WithStderr(
                $"Load(<config/0000000000>) returned error for {Location}, password {Password}, retrying after 720ms",
                ResticLines.ExitError(1, $"Fatal: unable to open repository at {Location}: password {Password} rejected"))
            .WithExitCode(1);
        var options = fake.CreateOptions(Password);
        options.Repository = new GenericRepository(Location);
        var client = new ResticClient(options);

        var ex = await Assert.ThrowsAsync<ResticCommandException>(() => client.BackupAsync(s_paths));

        Assert.Equal(1, ex.ExitCode);
        AssertCarriesNoSecret(ex, Password, UrlPassword);
        // Redacted, not dropped: what restic said is still there.
        Assert.Contains("unable to open repository at rest:http://backup:***@127.0.0.1:8000/repo", ex.ResticMessage, StringComparison.Ordinal);
        Assert.Contains("retrying after 720ms", ex.StandardError, StringComparison.Ordinal);
        // The location reached restic intact, through the environment.
        Assert.Equal(Location, fake.SingleRecord().Environment["RESTIC_REPOSITORY"]);
    }

    [Fact(Timeout = 30000)]
    public async Task GetVersionAsync_BinaryPathDoesNotExist_ThrowsBinaryNotFoundWithInstallHint()
    {
        using var fake = new FakeRestic();
        var missing = Path.Combine(fake.Folder, "no-such-restic");
        var client = fake.CreateClient(o => o.BinaryPath = missing);

        var ex = await Assert.ThrowsAsync<ResticBinaryNotFoundException>(() => client.GetVersionAsync());

        Assert.Equal(missing, ex.BinaryPath);
        Assert.Null(ex.ExitCode);
        Assert.Contains("Install restic", ex.Message, StringComparison.Ordinal);
        Assert.Contains("BinaryPath", ex.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30000)]
    public async Task BackupAsync_BinaryPathNotExecutable_ThrowsBinaryNotFound()
    {
        using var fake = new FakeRestic();
        var notExecutable = Path.Combine(fake.Folder, "restic");
        await File.WriteAllTextAsync(notExecutable, "not a program");
        var client = fake.CreateClient(o => o.BinaryPath = notExecutable);

        var ex = await Assert.ThrowsAsync<ResticBinaryNotFoundException>(() => client.BackupAsync(s_paths));

        Assert.Equal(notExecutable, ex.BinaryPath);
        Assert.Contains("BinaryPath", ex.Message, StringComparison.Ordinal);
    }

    private static void AssertCarriesNoSecret(ResticException ex, params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, ex.CommandLine, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, ex.StandardError, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, ex.ResticMessage ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, ex.ToString(), StringComparison.Ordinal);
        }
    }
}
