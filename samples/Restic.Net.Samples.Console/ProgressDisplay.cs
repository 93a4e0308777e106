using System.Diagnostics;
using Spectre.Console;

namespace Restic.Net.Samples.Console;

/// <summary>
/// Shows restic's progress: a live Spectre.Console bar (bytes, files, ETA, current file) on a
/// terminal, and a plain line at most every two seconds when the output is redirected (CI logs).
/// Reports are handled synchronously on the reader's thread, so they never arrive out of order.
/// </summary>
internal static class ProgressDisplay
{
    public static bool Interactive => AnsiConsole.Profile.Capabilities.Interactive && !System.Console.IsOutputRedirected;

    /// <summary>Runs a backup with a progress display.</summary>
    public static Task<BackupSummary> BackupAsync(string title, Func<IProgress<BackupProgress>, Task<BackupSummary>> run) =>
        RunAsync(title, run, p => new Snapshot(p.BytesDone, p.TotalBytes, p.FilesDone, p.TotalFiles, p.Remaining, p.CurrentFiles.Count > 0 ? p.CurrentFiles[0] : null));

    /// <summary>Runs a restore with a progress display (restic 0.16+ reports restore progress).</summary>
    public static Task<RestoreSummary> RestoreAsync(string title, Func<IProgress<RestoreProgress>, Task<RestoreSummary>> run) =>
        RunAsync(title, run, p => new Snapshot(p.BytesRestored, p.TotalBytes, p.FilesRestored, p.TotalFiles, null, null));

    private static async Task<TResult> RunAsync<TProgress, TResult>(string title, Func<IProgress<TProgress>, Task<TResult>> run, Func<TProgress, Snapshot> read)
    {
        if (!Interactive)
        {
            var plain = new PlainProgress<TProgress>(title, read);
            var result = await run(plain);
            plain.End();
            return result;
        }

        return await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: 1);
                var result = await run(new BarProgress<TProgress>(task, title, read));
                task.Value = task.MaxValue;
                task.StopTask();
                return result;
            });
    }

    /// <summary>What both kinds of progress have in common.</summary>
    private readonly record struct Snapshot(long BytesDone, long? TotalBytes, long FilesDone, long? TotalFiles, TimeSpan? Remaining, string? CurrentFile);

    private sealed class BarProgress<T>(ProgressTask task, string title, Func<T, Snapshot> read) : IProgress<T>
    {
        public void Report(T value)
        {
            var p = read(value);
            task.MaxValue = Math.Max(1, p.TotalBytes ?? p.BytesDone);
            task.Value = p.BytesDone;
            var files = p.TotalFiles is { } total ? $"{p.FilesDone}/{total} files" : $"{p.FilesDone} files";
            var current = p.CurrentFile is { } file ? " " + Shorten(file, 40) : string.Empty;
            task.Description = Markup.Escape($"{title}: {files}{current}");
        }
    }

    private sealed class PlainProgress<T>(string title, Func<T, Snapshot> read) : IProgress<T>
    {
        private readonly Stopwatch _sinceLastLine = Stopwatch.StartNew();
        private int _lines;
        private Snapshot? _unprinted;

        public void Report(T value)
        {
            var p = read(value);
            if (_lines > 0 && _sinceLastLine.Elapsed < TimeSpan.FromSeconds(2))
            {
                // Throttled, but kept: the last report is printed at the end, so the log ends with the final state.
                _unprinted = p;
                return;
            }

            Print(p);
        }

        public void End()
        {
            if (_unprinted is { } last)
            {
                Print(last);
            }
            else if (_lines == 0)
            {
                System.Console.WriteLine($"   progress     (none: {title} finished within one progress interval)");
            }
        }

        private void Print(Snapshot p)
        {
            _unprinted = null;
            var percent = p.TotalBytes is > 0 ? $"{100d * p.BytesDone / p.TotalBytes.Value,5:0.0}%" : "    ?%";
            var eta = p.Remaining is { } remaining ? $", ETA {remaining:mm\\:ss}" : string.Empty;
            System.Console.WriteLine($"   progress     {percent}  {p.FilesDone} files  {Format.Bytes((long)p.BytesDone)}{eta}");
            _sinceLastLine.Restart();
            _lines++;
        }
    }

    private static string Shorten(string path, int length) => path.Length <= length ? path : "…" + path[^(length - 1)..];
}
