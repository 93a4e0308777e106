namespace Restic.Net.Docs.Snippets;

/// <summary>
/// The fragments of README.md that continue its quick start (docs/snippets/Programs/ReadmeQuickStart.cs). The whole
/// programs of README.md and getting-started.md are the files in Programs/, compiled and run by the docs tests.
/// </summary>
internal static class GettingStarted
{
    public static async Task ReadmeStreamAsync(IResticClient client)
    {
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
    }
}
