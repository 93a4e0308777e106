namespace Restic.Net.Docs.Snippets;

/// <summary>docs/getting-started.md. Compiled, not run: its paths are the reader's.</summary>
internal static class GettingStarted
{
    public static async Task FirstBackupAsync()
    {
        // begin-snippet: first-backup
        var client = new ResticClient(
            new LocalRepository("/srv/backups/repo"),
            ResticPassword.FromFile("/etc/restic/password"));

        await client.InitAsync(); // once per repository

        BackupSummary summary = await client.BackupAsync(["/home/alice/documents"]);
        Console.WriteLine($"snapshot {summary.SnapshotId?.ToShortString()}: " +
            $"{summary.FilesNew} new files, {summary.DataAdded} bytes added");
        // end-snippet
    }

    public static ResticClient CreateClient()
    {
        // begin-snippet: create-client
        var client = new ResticClient(new ResticClientOptions
        {
            Repository = new LocalRepository("/srv/backups/repo"),      // or ResticRepository.Parse("sftp:user@host:/srv/repo")
            Password = ResticPassword.FromFile("/etc/restic/password"),  // or FromValue(...) / FromCommand("pass show restic")
            BinaryPath = "restic",                                       // a name on PATH or a full path
            CacheDirectory = "/var/cache/restic",                        // optional; restic's default otherwise
        });
        // end-snippet
        return client;
    }

    public static async Task ReadmeAsync()
    {
        // begin-snippet: readme-quick-start
        var client = new ResticClient(
            new LocalRepository("/srv/backups/repo"),
            ResticPassword.FromFile("/etc/restic/password"));

        await client.InitAsync();

        var summary = await client.BackupAsync(
            ["/var/lib/app"],
            new BackupOptions { Tags = ["nightly"] },
            new Progress<BackupProgress>(p => Console.Write($"\r{p.PercentDone:P0}")));

        Console.WriteLine($"snapshot {summary.SnapshotId?.ToShortString()}: {summary.DataAdded} bytes added");

        await client.RestoreAsync(SnapshotReference.Latest, "/tmp/restore");
        await client.ForgetAsync(RetentionPolicy.Default, new ForgetOptions { Prune = true });
        var check = await client.CheckAsync();
        var stats = await client.GetStatsAsync();   // includes DeduplicationRatio
        // end-snippet

        // begin-snippet: readme-stream
        await foreach (var e in client.StreamBackupAsync(["/data"]))
        {
            switch (e)
            {
                case BackupStatusEvent s: Console.WriteLine($"{s.Progress.PercentDone:P0}"); break;
                case BackupErrorEvent err: Console.WriteLine($"unreadable: {err.Error.Item}"); break;
                case BackupCompletedEvent done: Console.WriteLine($"done: {done.Summary.SnapshotId}"); break;
            }
        }
        // end-snippet
        GC.KeepAlive(check);
        GC.KeepAlive(stats);
    }
}
