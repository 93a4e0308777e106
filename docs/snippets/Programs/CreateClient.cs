// begin-snippet: create-client
using Restic.Net;

// Yours to dispose: disposal stops what the client runs and releases what it holds.
await using var client = new ResticClient(new ResticClientOptions
{
    Repository = new LocalRepository("/srv/backups/repo"),      // or ResticRepository.Parse("sftp:user@host:/srv/repo")
    Password = ResticPassword.FromFile("/etc/restic/password"),  // or FromValue(...) / FromCommand("pass show restic")
    BinaryPath = "restic",                                       // a name on PATH or a full path
    CacheDirectory = "/var/cache/restic",                        // optional; restic's default otherwise
});
// end-snippet
