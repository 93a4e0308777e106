// begin-snippet: readme-quick-start
using Restic.Net;

await using var client = new ResticClient(
    new LocalRepository("/srv/backups/repo"),
    ResticPassword.FromFile("/etc/restic/password"));

await client.EnsureInitializedAsync();   // creates the repository on the first run only

var summary = await client.BackupAsync(
    ["/var/lib/app"],
    new BackupOptions { Tags = ["nightly"] },
    new Progress<BackupProgress>(p => Console.Write($"\r{p.PercentDone:P0}")));

Console.WriteLine($"snapshot {summary.SnapshotId?.ToShortString()}: {summary.DataAdded} bytes added");

await client.RestoreAsync(SnapshotReference.Latest, "/tmp/restore");
await client.ForgetAsync(RetentionPolicy.Default, new ForgetOptions { Prune = true });
var check = await client.CheckAsync();
var stats = await client.GetStatsAsync();   // includes DeduplicationRatio
Console.WriteLine($"{check.ErrorCount} errors, {stats.SnapshotsCount} snapshots, deduplication {stats.DeduplicationRatio:F2}x");
// end-snippet
