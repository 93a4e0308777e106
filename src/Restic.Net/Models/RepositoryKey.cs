namespace Restic.Net;

/// <summary>A key of the repository: one password that opens it (<c>restic key list</c>).</summary>
public sealed record RepositoryKey
{
    /// <summary>The key id: 64 hex characters on restic 0.17+, the first 8 on older versions (restic accepts both).</summary>
    public required string Id { get; init; }

    /// <summary>Whether this is the key the password that listed the keys opened.</summary>
    public bool IsCurrent { get; init; }

    /// <summary>The user name recorded when the key was added.</summary>
    public string UserName { get; init; } = string.Empty;

    /// <summary>The host name recorded when the key was added.</summary>
    public string HostName { get; init; } = string.Empty;

    /// <summary>
    /// When the key was added, to the second. restic prints it without an offset, in the local time
    /// of the machine that lists the keys; it is read in this machine's time zone.
    /// </summary>
    public DateTimeOffset? Created { get; init; }
}
