namespace Restic.Net;

/// <summary>The result of <c>rewrite</c> or <c>repair snapshots</c>, read from restic's text output.</summary>
public sealed record RewriteResult
{
    /// <summary>Whether nothing was saved because this was a dry run.</summary>
    public bool IsDryRun { get; init; }

    /// <summary>How many snapshots were (or, in a dry run, would be) replaced, as restic counts them.</summary>
    public long ModifiedSnapshots { get; init; }

    /// <summary>The replaced snapshots, by short id (restic prints no full ids here).</summary>
    public IReadOnlyList<SnapshotChange> Changes { get => field ?? ValueList<SnapshotChange>.Empty; init => field = ValueList.Of(value, nameof(Changes)); }

    /// <summary>restic's text output, for what the parser does not cover (for example the excluded paths).</summary>
    public IReadOnlyList<string> Output { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Output)); }
}
