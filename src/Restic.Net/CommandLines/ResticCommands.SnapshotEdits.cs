namespace Restic.Net.CommandLines;

/// <summary>The argv builders of the commands that write snapshots from snapshots: tag, copy and rewrite.</summary>
internal static partial class ResticCommands
{
    /// <summary><c>tag</c>: exclusive lock; JSON lines on 0.18+, text before.</summary>
    public static ResticCommand Tag(SnapshotSelection snapshots, TagOptions options)
    {
        var flags = new List<string>();
        AddEach(flags, "--add", options.Add);
        AddEach(flags, "--remove", options.Remove);
        AddEach(flags, "--set", options.Set);
        var arguments = Selection(flags, snapshots);
        return new ResticCommand("tag", ["tag"], flags, arguments) { Lock = ResticLockKind.Exclusive };
    }

    /// <summary><c>copy</c> from the repository in the <c>RESTIC_FROM_*</c> variables; verbose, so that skipped snapshots are reported too.</summary>
    public static ResticCommand Copy(CopyOptions options, IReadOnlyList<string> sourceOptions)
    {
        var flags = new List<string> { "--verbose" };
        foreach (var option in sourceOptions)
        {
            flags.Add("--option=" + option);
        }

        if (options.Filter is { } filter)
        {
            AddFilter(flags, filter);
        }

        return new ResticCommand("copy", ["copy"], flags, Arguments(options.Snapshots));
    }

    /// <summary><c>rewrite</c> (0.15+): exclusive with <c>--forget</c>.</summary>
    public static ResticCommand Rewrite(SnapshotSelection snapshots, RewriteOptions options)
    {
        var flags = new List<string>();
        AddEach(flags, "--exclude", options.Excludes);
        AddEach(flags, "--iexclude", options.CaseInsensitiveExcludes);
        AddEach(flags, "--exclude-file", options.ExcludeFiles);
        AddEach(flags, "--include", options.Includes);
        AddEach(flags, "--iinclude", options.CaseInsensitiveIncludes);
        AddEach(flags, "--include-file", options.IncludeFiles);
        AddFlag(flags, "--forget", options.Forget);
        AddFlag(flags, "--dry-run", options.DryRun);
        var arguments = Selection(flags, snapshots);
        return new ResticCommand("rewrite", ["rewrite"], flags, arguments)
        {
            Lock = options.Forget ? ResticLockKind.Exclusive : ResticLockKind.Shared,
        };
    }

    /// <summary>
    /// A selection as restic takes it: the filter's flags after the command's own, the ids as positionals;
    /// <see cref="SnapshotSelection.All"/> adds neither.
    /// </summary>
    private static string[] Selection(List<string> flags, SnapshotSelection snapshots)
    {
        if (snapshots.Filter is { } filter)
        {
            AddFilter(flags, filter);
        }

        return Arguments(snapshots.Snapshots);
    }
}
