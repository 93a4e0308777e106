namespace Restic.Net;

/// <summary>A repository's identity, read from its config.</summary>
/// <param name="Id">The repository id (64 hex characters).</param>
/// <param name="Version">The repository format version: 1 (restic before 0.14) or 2 (compression).</param>
/// <param name="ChunkerPolynomial">The chunker polynomial in hex; repositories that share it deduplicate across <c>copy</c>.</param>
/// <param name="Location">The repository location, redacted.</param>
public sealed record RepositoryInfo(string Id, int Version, string ChunkerPolynomial, string Location);
