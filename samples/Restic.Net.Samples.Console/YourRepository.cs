using System.Globalization;

namespace Restic.Net.Samples.Console;

/// <summary>
/// <c>--repo</c> mode: opens the user's repository (creating it with <c>--init</c>), backs up
/// <c>--source</c> with live progress, then lists the latest snapshots and the statistics.
/// Nothing is forgotten, pruned or deleted.
/// </summary>
internal static class YourRepository
{
    public static async Task<int> RunAsync(SampleArguments arguments, string location)
    {
        using var cancel = new CancellationTokenSource();
        System.Console.CancelKeyPress += (_, e) =>
        {
            // Ctrl+C stops restic gracefully (it removes its lock) instead of killing the sample.
            e.Cancel = true;
            cancel.Cancel();
        };

        try
        {
            var repository = ResticRepository.Parse(location);
            await using var client = new ResticClient(new ResticClientOptions
            {
                Repository = repository,
                Password = ResticPassword.FromFile(arguments.PasswordFile!),
                BinaryPath = arguments.Restic,
            });

            var version = await client.GetVersionAsync(cancel.Token);
            Output.Step("repository");
            Output.Row("restic", version.Version.ToString(3));
            Output.Row("location", repository.RedactedLocation);
            RepositoryInfo info;
            try
            {
                info = await client.GetConfigAsync(cancel.Token);
            }
            catch (ResticRepositoryNotFoundException) when (arguments.Init)
            {
                info = await client.InitAsync(cancellationToken: cancel.Token);
                Output.Row("created", "yes (--init)");
            }

            Output.Row("id", info.Id);

            if (arguments.Source is { } source)
            {
                Output.Step($"backup {source}");
                var summary = await ProgressDisplay.BackupAsync("backup", progress => client.BackupAsync([source], null, progress, cancel.Token));
                Output.Backup(summary);
            }

            var snapshots = await client.GetSnapshotsAsync(null, cancel.Token);
            Output.Step($"snapshots ({snapshots.Count}, latest 10)");
            foreach (var snapshot in snapshots.TakeLast(10))
            {
                Output.Row(snapshot.Id.ToShortString(), $"{snapshot.Time.ToLocalTime():yyyy-MM-dd HH:mm:ss}  {snapshot.HostName}  [{string.Join(',', snapshot.Tags)}]  {string.Join(' ', snapshot.Paths)}");
            }

            var stats = await client.GetStatsAsync(cancellationToken: cancel.Token);
            Output.Step("stats");
            Output.Row("files", stats.TotalFileCount.ToString(CultureInfo.InvariantCulture));
            Output.Row("total size", Format.Bytes((long)stats.TotalSize));
            Output.Row("stored", stats.StoredSize is { } stored ? Format.Bytes((long)stored) : "n/a");
            Output.Row("dedup ratio", stats.DeduplicationRatio is { } ratio ? $"{ratio:0.00}x" : "n/a");
            return 0;
        }
        catch (ResticRepositoryNotFoundException)
        {
            System.Console.Error.WriteLine($"There is no repository at {location}; add --init to create one.");
            return 1;
        }
        catch (ResticException ex)
        {
            System.Console.Error.WriteLine($"restic failed: {ex.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            System.Console.Error.WriteLine("Cancelled; restic stopped and removed its lock.");
            return 130;
        }
    }
}
