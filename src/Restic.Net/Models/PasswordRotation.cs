namespace Restic.Net;

/// <summary>The result of <see cref="ResticClientExtensions.ChangePasswordAsync"/>.</summary>
public sealed record PasswordRotation
{
    /// <summary>The key of the old password, now removed.</summary>
    public required RepositoryKey OldKey { get; init; }

    /// <summary>The key of the new password, verified to open the repository.</summary>
    public required RepositoryKey NewKey { get; init; }
}
