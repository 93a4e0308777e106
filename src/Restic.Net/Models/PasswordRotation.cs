namespace Restic.Net;

/// <summary>The result of <see cref="ResticClientExtensions.RotatePasswordAsync"/>.</summary>
/// <param name="OldKey">The key of the old password, now removed.</param>
/// <param name="NewKey">The key of the new password, verified to open the repository.</param>
public sealed record PasswordRotation(RepositoryKey OldKey, RepositoryKey NewKey);
