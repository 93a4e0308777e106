namespace Restic.Net;

/// <summary>The result of <c>repair index</c> (<c>rebuild-index</c> before restic 0.16): restic reports only text.</summary>
public sealed record RepairIndexResult
{
    /// <summary>restic's text output without its progress lines.</summary>
    public IReadOnlyList<string> Output { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Output)); }
}
