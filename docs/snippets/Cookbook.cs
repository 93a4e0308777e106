namespace Restic.Net.Docs.Snippets;

/// <summary>
/// docs/cookbook.md: one method per recipe, each run by the docs tests against a real repository.
/// The text between the snippet markers is what the page shows; parameters are the reader's values.
/// </summary>
internal static class Cookbook
{
    public static async Task<RepositoryInfo> InitAsync(IResticClient client)
    {
        // begin-snippet: init
        RepositoryInfo info = await client.InitAsync();
        Console.WriteLine($"created repository {info.Id}, format version {info.Version}");
        // end-snippet
        return info;
    }

    public static async Task<BackupSummary> BackupAsync(IResticClient client, string documents)
    {
        // begin-snippet: backup
        BackupSummary summary = await client.BackupAsync([documents], new BackupOptions
        {
            Tags = ["nightly"],
            Excludes = ["*.tmp", "node_modules"],
            ExcludeCaches = true,
        });

        Console.WriteLine($"snapshot {summary.SnapshotId?.ToShortString()}: " +
            $"{summary.FilesNew} new, {summary.FilesChanged} changed, {summary.FilesUnmodified} unmodified, " +
            $"{summary.DataAdded} bytes added");

        if (!summary.IsComplete)
        {
            // restic exit code 3: the snapshot exists, but some files could not be read.
            foreach (var error in summary.Errors)
            {
                Console.WriteLine($"skipped {error.Item}: {error.Message}");
            }
        }
        // end-snippet
        return summary;
    }

    public static async Task<BackupSummary> BackupWithProgressAsync(IResticClient client, string data)
    {
        // begin-snippet: backup-progress
        var progress = new Progress<BackupProgress>(p =>
            Console.Write($"\r{p.PercentDone:P0}  {p.FilesDone}/{p.TotalFiles} files  {p.BytesDone}/{p.TotalBytes} bytes"));

        BackupSummary summary = await client.BackupAsync([data], null, progress);
        // end-snippet
        return summary;
    }

    public static async Task<List<BackupEvent>> StreamBackupAsync(IResticClient client, string data)
    {
        var events = new List<BackupEvent>();
        // begin-snippet: stream-backup
        await foreach (BackupEvent e in client.StreamBackupAsync([data], new BackupOptions { IncludeFileEvents = true }))
        {
            switch (e)
            {
                case BackupStatusEvent status:
                    Console.Write($"\r{status.Progress.PercentDone:P0}");
                    break;
                case BackupScanCompletedEvent scan:
                    Console.WriteLine($"scan finished: {scan.TotalFiles} files, {scan.TotalBytes} bytes");
                    break;
                case BackupFileEvent fileEvent:             // only with IncludeFileEvents (restic --verbose)
                    Console.WriteLine($"{fileEvent.Action} {fileEvent.Item}");
                    break;
                case BackupErrorEvent error:
                    Console.WriteLine($"cannot read {error.Error.Item}: {error.Error.Message}");
                    break;
                case BackupCompletedEvent completed:
                    Console.WriteLine($"snapshot {completed.Summary.SnapshotId}");
                    break;
                case UnknownBackupEvent unknown:            // a message type this version of Restic.Net does not know
                    Console.WriteLine($"{unknown.MessageType}: {unknown.RawJson}");
                    break;
            }
            events.Add(e); // snippet-hide
        }
        // end-snippet

        return events;
    }

    public static async Task<IReadOnlyList<Snapshot>> SnapshotsAsync(IResticClient client)
    {
        // begin-snippet: snapshots
        IReadOnlyList<Snapshot> nightly = await client.GetSnapshotsAsync(new SnapshotsOptions { Filter = new SnapshotFilter { Tags = ["nightly"] } });
        foreach (var s in nightly)   // oldest first
        {
            Console.WriteLine($"{s.Id.ToShortString()}  {s.Time:u}  {s.HostName}  {string.Join(", ", s.Paths)}");
        }
        // end-snippet
        return nightly;
    }

    public static async Task<RestoreSummary> RestoreAsync(IResticClient client, IReadOnlyList<Snapshot> snapshots, string documents, string target, string latestTarget)
    {
        // begin-snippet: restore
        RestoreSummary restored = await client.RestoreAsync(snapshots[0].Id, target, new RestoreOptions
        {
            Includes = [documents],
        });

        if (restored.HasStatistics)   // restic 0.16+
        {
            Console.WriteLine($"{restored.FilesRestored} files, {restored.BytesRestored} bytes");
        }

        foreach (var error in restored.Errors)   // IsComplete is false: a full disk, missing permissions, ...
        {
            Console.WriteLine($"not restored: {error.Item}: {error.Message}");
        }

        await client.RestoreLatestAsync(latestTarget);   // extension method: the "latest" snapshot
        // end-snippet
        return restored;
    }

    public static async Task<(int Nodes, Snapshot Snapshot)> ListAsync(IResticClient client, string folder)
    {
        var nodes = 0;
        // begin-snippet: list
        // Resolve "latest" once, then list by id: a backup finishing meanwhile cannot change the answer.
        var latest = await client.GetSnapshotAsync(SnapshotReference.Latest); // throws ResticSnapshotNotFoundException when there is none

        // Every node of the snapshot, streamed (memory stays bounded for any size).
        await foreach (var node in client.GetNodesAsync(latest.Id, new ListOptions { Paths = [folder], Recursive = true }))
        {
            Console.WriteLine($"{node.Type} {node.Path} {node.Size}");
            nodes++; // snippet-hide
        }
        Console.WriteLine($"listed snapshot {latest.Id.ToShortString()}");
        // end-snippet
        return (nodes, latest);
    }

    public static async Task<List<FindResult>> FindAsync(IResticClient client)
    {
        var results = new List<FindResult>();
        // begin-snippet: find
        await foreach (FindResult result in client.FindAsync(["*.bin"], new FindOptions { IgnoreCase = true }))
        {
            Console.WriteLine($"{result.SnapshotId.ToShortString()}: {result.Hits} matches");
            foreach (var node in result.Matches)
            {
                Console.WriteLine($"  {node.Path} ({node.Size} bytes, modified {node.ModificationTime:u})");
            }
            results.Add(result); // snippet-hide
        }
        // end-snippet

        return results;
    }

    public static async Task<(List<DiffChange> Changes, DiffStatistics? Statistics)> DiffAsync(IResticClient client, IReadOnlyList<Snapshot> snapshots)
    {
        var changes = new List<DiffChange>();
        DiffStatistics? statistics = null;
        // begin-snippet: diff
        await foreach (var item in client.StreamDiffAsync(snapshots[^2].Id, snapshots[^1].Id))
        {
            switch (item)
            {
                case DiffChangeEvent { Change: var change }:
                    Console.WriteLine($"{change.Modifier} {change.Path}");
                    changes.Add(change); // snippet-hide
                    break;
                case DiffCompletedEvent { Statistics: var totals }:   // always last
                    Console.WriteLine($"{totals.ChangedFiles} files changed");
                    statistics = totals; // snippet-hide
                    break;
            }
        }
        // end-snippet
        return (changes, statistics);
    }

    public static async Task DumpAsync(IResticClient client, string file, string copy)
    {
        // begin-snippet: dump
        // A file back out of a snapshot, byte for byte; a folder becomes a tar or zip archive.
        await using (var destination = File.Create(copy))
        {
            await client.DumpAsync(SnapshotReference.Latest, file, destination);
        }
        // end-snippet
    }

    public static async Task<BackupSummary> BackupFromStreamAsync(IResticClient client, Func<Task<Stream>> openDatabaseDumpAsync)
    {
        // begin-snippet: backup-stream
        // A database dump straight from a stream; if the stream throws, no snapshot is left behind.
        await using var dump = await openDatabaseDumpAsync();
        BackupSummary summary = await client.BackupFromStreamAsync(dump, "app.sql", new StdinBackupOptions { Tags = ["db"] });
        // end-snippet
        return summary;
    }

    public static async Task<TagResult> TagAsync(IResticClient client, Snapshot snapshot)
    {
        // begin-snippet: tags
        // The snapshots are a required argument: by id, by filter, or SnapshotSelection.All said out loud.
        TagResult tagged = await client.TagAsync(
            SnapshotSelection.Of(snapshot.Id),
            new TagOptions { Add = ["keep-forever"] });
        Console.WriteLine($"tagged {tagged.ChangedSnapshots} snapshots");
        // end-snippet
        return tagged;
    }

    public static async Task<ForgetResult> ForgetAsync(IResticClient client)
    {
        // begin-snippet: forget
        ForgetResult result = await client.ForgetAsync(
            RetentionPolicy.Default,   // 7 daily, 4 weekly, 6 monthly, 2 yearly
            new ForgetOptions { Prune = true });

        Console.WriteLine($"kept {result.Kept.Count}, removed {result.Removed.Count}");
        if (result.Prune is { } prune)
        {
            Console.WriteLine($"pruned {prune.TotalPrunedBytes} bytes, {prune.RemainingBytes} bytes remain");
        }

        // Your own policy, tried first:
        var policy = new RetentionPolicy { KeepLast = 3, KeepWithinDaily = ResticDuration.FromDays(30), KeepTags = ["keep-forever"] };
        ForgetResult plan = await client.PlanForgetAsync(policy, new ForgetOptions { GroupBy = SnapshotGrouping.Host | SnapshotGrouping.Paths });
        Console.WriteLine($"would remove {plan.Removed.Count} snapshots");
        // end-snippet
        return result;
    }

    public static async Task<(CheckResult Check, RepositoryStats Stats)> CheckAndStatsAsync(IResticClient client)
    {
        // begin-snippet: check-stats
        CheckResult check = await client.CheckAsync(new CheckOptions { ReadDataSubset = ReadDataSubset.Percent(5) });
        if (!check.IsHealthy)
        {
            Console.WriteLine($"{check.ErrorCount} errors: {string.Join("; ", check.Errors)}");
        }

        RepositoryStats stats = await client.GetStatsAsync();
        Console.WriteLine($"{stats.SnapshotsCount} snapshots, {stats.TotalFileCount} files, " +
            $"{stats.TotalSize} bytes restored size, {stats.StoredSize} bytes stored, " +
            $"deduplication {stats.DeduplicationRatio:0.00}x");
        // end-snippet
        return (check, stats);
    }

    public static async Task<bool> CancelAsync(IResticClient client, string data, TimeSpan limit)
    {
        // begin-snippet: cancel
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await client.BackupAsync([data], null, cancellationToken: cts.Token);
        }
        catch (OperationCanceledException e) when (e.CancellationToken == cts.Token)
        {
            Console.WriteLine("backup cancelled; no snapshot was created, restic removed its lock");
            return true; // snippet-hide
        }
        // end-snippet
        return false;
    }

    public static async Task<string> HandleErrorsAsync(IResticClient client, string target)
    {
        // begin-snippet: errors
        string outcome;
        try
        {
            await client.RestoreAsync(SnapshotReference.Parse("deadbeef"), target);
            outcome = "restored";
        }
        catch (ResticSnapshotNotFoundException)
        {
            outcome = "no such snapshot";
        }
        catch (ResticWrongPasswordException)
        {
            outcome = "the password opens no key of this repository";
        }
        catch (ResticRepositoryLockedException e)
        {
            outcome = $"locked by {e.LockHolder}; retry later or set LockWaitTimeout";
        }
        catch (ResticException e) when (e.IsTransient)
        {
            // An unreachable backend, a timeout: the same call may succeed later.
            outcome = $"{e.Message} Retry later.";
        }
        catch (ResticException e)
        {
            outcome = $"restic failed (exit code {e.ExitCode}): {e.ResticMessage}";
        }

        Console.WriteLine(outcome);
        // end-snippet
        return outcome;
    }

    public static async Task<UnlockResult> LocksAsync(IResticClient client)
    {
        // begin-snippet: locks
        foreach (ResticLock held in await client.GetLocksAsync())
        {
            Console.WriteLine($"{(held.IsExclusive ? "exclusive" : "shared")} lock of PID {held.Pid} on {held.HostName}, {held.Age.TotalMinutes:0} min old");
        }

        UnlockResult unlocked = await client.UnlockAsync();   // removes stale locks only
        Console.WriteLine($"removed {unlocked.Removed.Count} stale locks");
        // end-snippet
        return unlocked;
    }

    public static async Task<PasswordRotation> ChangePasswordAsync(IResticClient client, string newPasswordFile)
    {
        // begin-snippet: rotate-password
        // Replace the password: add a key, verify it, remove the old one.
        PasswordRotation rotation = await client.ChangePasswordAsync(ResticPassword.FromFile(newPasswordFile));
        Console.WriteLine($"key {rotation.OldKey.Id} replaced by {rotation.NewKey.Id}");
        // end-snippet
        return rotation;
    }
}
