namespace Restic.Net;

/// <summary>Options of <see cref="IResticClient.InitAsync"/>.</summary>
public sealed record InitOptions
{
    /// <summary>
    /// The repository format (<c>--repository-version</c>): <c>1</c>, <c>2</c>, <c>stable</c> or
    /// <c>latest</c>. Null uses restic's default (2, with compression).
    /// </summary>
    public string? RepositoryVersion { get; init; }
}
