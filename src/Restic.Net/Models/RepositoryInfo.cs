namespace Restic.Net;

/// <summary>A repository's identity, read from its config.</summary>
public sealed record RepositoryInfo
{
    /// <summary>The repository id (64 hex characters).</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>The repository format version: 1 (restic before 0.14) or 2 (compression).</summary>
    public int Version { get; init; }

    /// <summary>The chunker polynomial in hex; repositories that share it deduplicate across <c>copy</c>.</summary>
    public string ChunkerPolynomial { get; init; } = string.Empty;

    /// <summary>The repository location, redacted.</summary>
    public string Location { get; init; } = string.Empty;
}
