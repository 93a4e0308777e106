namespace Restic.Net;

/// <summary>The result of <c>copy</c>, read from restic's text output.</summary>
public sealed record CopyResult
{
    /// <summary>The snapshots copied now.</summary>
    public IReadOnlyList<CopiedSnapshot> Copied { get => field ?? ValueList<CopiedSnapshot>.Empty; init => field = ValueList.Of(value, nameof(Copied)); }

    /// <summary>The snapshots skipped because a copy of them already existed.</summary>
    public IReadOnlyList<CopiedSnapshot> Skipped { get => field ?? ValueList<CopiedSnapshot>.Empty; init => field = ValueList.Of(value, nameof(Skipped)); }

    /// <summary>restic's text output without its progress lines.</summary>
    public IReadOnlyList<string> Output { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Output)); }
}
