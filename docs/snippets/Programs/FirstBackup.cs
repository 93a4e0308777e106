// begin-snippet: first-backup
using Restic.Net;

await using var client = new ResticClient(
    new LocalRepository("/srv/backups/repo"),
    ResticPassword.FromFile("/etc/restic/password"));

await client.EnsureInitializedAsync(); // creates the repository if there is none yet

BackupSummary summary = await client.BackupAsync(["/home/alice/documents"]);
Console.WriteLine($"snapshot {summary.SnapshotId?.ToShortString()}: " +
    $"{summary.FilesNew} new files, {summary.DataAdded} bytes added");
// end-snippet
