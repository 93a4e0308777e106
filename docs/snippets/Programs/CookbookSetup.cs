// begin-snippet: cookbook-setup
using Restic.Net;

await using var client = new ResticClient(
    new LocalRepository("/srv/backups/repo"),
    ResticPassword.FromFile("/etc/restic/password"));

// Your values, named as the recipes use them.
string documents = "/home/alice/documents", data = "/srv/data", folder = "/home/alice/documents/reports";
string target = "/tmp/restore", latestTarget = "/tmp/restore-latest";
string file = "/home/alice/documents/report.pdf", copy = "/tmp/report.pdf";
string newPasswordFile = "/etc/restic/new-password";
TimeSpan limit = TimeSpan.FromHours(2);
Func<Task<Stream>> openDatabaseDumpAsync = () => Task.FromResult<Stream>(File.OpenRead("/var/backups/app.sql"));
IReadOnlyList<Snapshot> snapshots = await client.GetSnapshotsAsync(); // oldest first
if (snapshots.Count < 2)
{
    Console.WriteLine("back up twice first: some recipes compare two snapshots");
    return;
}

Snapshot snapshot = snapshots[^1]; // the newest
// end-snippet
