namespace Restic.Net;

/// <summary>Options of <see cref="IResticClient.InitAsync"/>.</summary>
public sealed record InitOptions
{
    /// <summary>
    /// The repository format (<c>--repository-version</c>): <see cref="Restic.Net.RepositoryVersion.V1"/>,
    /// <see cref="Restic.Net.RepositoryVersion.V2"/>, <see cref="Restic.Net.RepositoryVersion.Latest"/> or
    /// <see cref="Restic.Net.RepositoryVersion.Stable"/>. Null uses restic's default (stable: 2, with compression).
    /// </summary>
    public RepositoryVersion? RepositoryVersion { get; init; }

    internal void Validate()
    {
        if (RepositoryVersion is { IsValid: false } version)
        {
            throw new ArgumentException(
                $"RepositoryVersion is a format number (1, 2), 'latest' or 'stable'; got '{version.Value}'.", nameof(RepositoryVersion));
        }
    }
}
