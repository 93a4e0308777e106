using System.Diagnostics;
using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>Every failure a caller branches on, produced by the real restic.</summary>
[Collection(RepositoryCollection.Name)]
public class FailureTests(RepositoryFixture fixture)
{
    [Fact(Timeout = 60000)]
    public async Task WrongPassword_ThrowsWrongPasswordException()
    {
        var options = TestRestic.Options(fixture.RepositoryPath, fixture.CachePath);
        options.Password = ResticPassword.FromValue("not-the-password");
        var client = new ResticClient(options);

        var ex = await Assert.ThrowsAsync<ResticWrongPasswordException>(() => client.GetSnapshotsAsync());

        Assert.Equal(fixture.Version.Capabilities.WrongPasswordExitCode ? 12 : 1, ex.ExitCode);
        Assert.DoesNotContain("not-the-password", ex.ToString());
        Assert.False(ex.IsTransient);
    }

    [Fact(Timeout = 60000)]
    public async Task MissingRepository_ThrowsRepositoryNotFoundException()
    {
        var client = new ResticClient(TestRestic.Options(fixture.NewFolder("empty"), fixture.CachePath));

        var ex = await Assert.ThrowsAsync<ResticRepositoryNotFoundException>(() => client.GetSnapshotsAsync());

        Assert.Equal(fixture.Version.Capabilities.RepositoryExitCodes ? 10 : 1, ex.ExitCode);
        Assert.False(ex.IsTransient);
    }

    [Fact(Timeout = 60000)]
    public async Task UnknownSnapshot_RestoreAndDump_ThrowSnapshotNotFoundException()
    {
        var client = new ResticClient(TestRestic.Options(fixture.RepositoryPath, fixture.CachePath));

        var restore = await Assert.ThrowsAsync<ResticSnapshotNotFoundException>(
            () => client.RestoreAsync(SnapshotReference.Parse("deadbeef"), fixture.NewFolder("nowhere")));
        var dump = await Assert.ThrowsAsync<ResticSnapshotNotFoundException>(
            () => client.DumpAsync(SnapshotReference.Parse("deadbeef"), "/file", Stream.Null));

        Assert.Contains("deadbeef", restore.ResticMessage);
        Assert.Contains("deadbeef", dump.ResticMessage);
    }

    [Fact(Timeout = 60000)]
    public async Task MissingBinary_ThrowsActionableBinaryNotFoundException()
    {
        var options = TestRestic.Options(fixture.RepositoryPath, fixture.CachePath);
        options.BinaryPath = Path.Combine(fixture.NewFolder("nobin"), "restic");

        var ex = await Assert.ThrowsAsync<ResticBinaryNotFoundException>(() => new ResticClient(options).GetSnapshotsAsync());

        Assert.Contains("BinaryPath", ex.Message);
    }

    [Fact(Timeout = 60000)]
    public async Task CheckAsync_CorruptedPackFile_ListsTheErrorsInsteadOfThrowing()
    {
        var copy = fixture.NewFolder("corrupt");
        TestRestic.CopyTree(fixture.RepositoryPath, copy);
        var pack = Directory.EnumerateFiles(Path.Combine(copy, "data"), "*", SearchOption.AllDirectories).OrderByDescending(f => new FileInfo(f).Length).First();
        using (var stream = File.OpenWrite(pack))
        {
            stream.Position = stream.Length / 2;
            stream.Write(new byte[64]);
        }

        var client = new ResticClient(TestRestic.Options(copy, fixture.NewFolder("cache")));
        var result = await client.CheckAsync(new CheckOptions { ReadData = true });

        Assert.False(result.IsHealthy);
        Assert.NotEmpty(result.Errors);
        if (fixture.Version.Capabilities.JsonCheck)
        {
            Assert.NotEmpty(result.BrokenPacks!);
        }
        else
        {
            Assert.Null(result.BrokenPacks); // not reported before 0.18: unknown, not "none"
        }
    }

    [Fact(Timeout = 120000)]
    public async Task StaleLockOfAKilledRestic_BlocksExclusiveCommands_UntilUnlockRemovesIt()
    {
        var repository = fixture.NewFolder("locked-repo");
        var cache = fixture.NewFolder("cache");
        await TestRestic.InitializeAsync(repository);
        var client = new ResticClient(TestRestic.Options(repository, cache));
        var source = fixture.NewFolder("big");
        SourceTree.WriteLargeFile(Path.Combine(source, "big.bin"), megabytes: 400, seed: 3);

        // A backup killed with SIGKILL cannot remove its lock.
        await KillWhileHoldingLockAsync(repository, cache, source);

        var locked = await Assert.ThrowsAsync<ResticRepositoryLockedException>(() => client.ForgetAsync(new RetentionPolicy { KeepLast = 1 }));
        Assert.Equal(fixture.Version.Capabilities.RepositoryExitCodes ? 11 : 1, locked.ExitCode);
        Assert.Matches(@"^PID \d+ on ", locked.LockHolder);
        // Transient, though a lock whose holder was killed stays until it is removed.
        Assert.True(locked.IsTransient);

        var unlocked = await client.UnlockAsync();

        Assert.Single(unlocked.Removed); // restic 0.14 prints no count: the client lists the locks that disappeared
        Assert.Empty(await TestRestic.ListLocksAsync(repository, cache));
        await client.ForgetAsync(new RetentionPolicy { KeepLast = 1 });
    }

    [Fact(Timeout = 120000)]
    public async Task BackupAsync_UnreadableFile_ReturnsAnIncompleteSummaryAndTheSnapshotExists()
    {
        var root = fixture.NewFolder("partial");
        var source = Path.Combine(root, "src");
        SourceTree.WriteSmallFiles(source, count: 10, seed: 5);
        var unreadable = Path.Combine(source, "secret.txt");
        File.WriteAllText(unreadable, "no access");
        File.SetUnixFileMode(unreadable, UnixFileMode.None);
        var options = TestRestic.Options(Path.Combine(root, "repo"), Path.Combine(root, "cache"));

        // root reads any file, so restic runs as nobody (uid 65534) where the test runs as root.
        if (Environment.IsPrivilegedProcess)
        {
            options.BinaryPath = WriteUnprivilegedWrapper(root);
            GiveToNobody(root);
        }

        var client = new ResticClient(options);
        await client.InitAsync();

        var summary = await client.BackupAsync([source]);

        Assert.False(summary.IsComplete);
        var error = Assert.Single(summary.Errors, e => e.Item.EndsWith("secret.txt"));
        Assert.Equal(BackupPhase.Archival, error.During);
        Assert.Equal(10L, summary.FilesNew);
        var snapshot = Assert.Single(await client.GetSnapshotsAsync());
        Assert.True(snapshot.Id.Matches(summary.SnapshotId!.Value));
    }

    private static string WriteUnprivilegedWrapper(string folder)
    {
        var wrapper = Path.Combine(folder, "restic-as-nobody");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec setpriv --reuid=65534 --regid=65534 --clear-groups '{TestRestic.BinaryPath}' \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return wrapper;
    }

    private static void GiveToNobody(string root)
    {
        using var chown = System.Diagnostics.Process.Start("chown", ["-R", "65534:65534", root])!;
        chown.WaitForExit();
        Assert.Equal(0, chown.ExitCode);
        // The temp folder's ancestors must be traversable by nobody.
        for (var dir = Path.GetDirectoryName(root); dir is not null && dir != "/"; dir = Path.GetDirectoryName(dir))
        {
            var mode = File.GetUnixFileMode(dir);
            File.SetUnixFileMode(dir, mode | UnixFileMode.OtherExecute);
        }
    }

    private static async Task KillWhileHoldingLockAsync(string repository, string cache, string source)
    {
        var start = new ProcessStartInfo(TestRestic.BinaryPath) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in new[] { "backup", "--json", source })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["RESTIC_REPOSITORY"] = repository;
        start.Environment["RESTIC_PASSWORD"] = TestRestic.Password;
        start.Environment["RESTIC_CACHE_DIR"] = cache;
        start.Environment["RESTIC_PROGRESS_FPS"] = "1";
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((await TestRestic.ListLocksAsync(repository, cache)).Length == 0)
            {
                Assert.False(process.HasExited, "restic finished before its lock could be observed");
                Assert.True(DateTime.UtcNow < deadline, "restic took no lock within 30 s");
                await Task.Delay(50);
            }
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }
}
