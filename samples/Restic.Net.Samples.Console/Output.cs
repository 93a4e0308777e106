namespace Restic.Net.Samples.Console;

/// <summary>The sample's plain, aligned report lines (readable on a terminal and in CI logs alike).</summary>
internal static class Output
{
    public static void Step(string title) => System.Console.WriteLine($"{Environment.NewLine}== {title}");

    public static void Row(string label, string value) => System.Console.WriteLine($"   {label,-12} {value}");

    public static int Fail(string message)
    {
        System.Console.Error.WriteLine($"FAILED: {message}");
        return 2;
    }

    public static void Backup(BackupSummary summary)
    {
        Row("snapshot", summary.SnapshotId?.ToShortString() ?? "(none)");
        Row("files", $"{summary.FilesNew} new, {summary.FilesChanged} changed, {summary.FilesUnmodified} unmodified");
        Row("dirs", $"{summary.DirectoriesNew} new, {summary.DirectoriesChanged} changed, {summary.DirectoriesUnmodified} unmodified");
        Row("processed", $"{summary.TotalFilesProcessed} files, {Format.Bytes((long)summary.TotalBytesProcessed)}");
        Row("data added", Format.Bytes((long)summary.DataAdded) + (summary.DataAddedPacked is { } packed ? $" ({Format.Bytes((long)packed)} packed)" : string.Empty));
        Row("duration", $"{summary.TotalDuration.TotalSeconds:0.00} s");
        Row("complete", summary.IsComplete ? "yes" : $"no, {summary.Errors.Count} unreadable");
    }
}
