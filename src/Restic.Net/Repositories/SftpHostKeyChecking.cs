namespace Restic.Net;

/// <summary>How ssh checks the server's host key for an <see cref="SftpRepository"/> (ssh's <c>StrictHostKeyChecking</c>).</summary>
public enum SftpHostKeyChecking
{
    /// <summary>ssh's own configuration decides (<c>~/.ssh/config</c>; ssh's default is to ask, which fails in batch mode for an unknown key).</summary>
    Default = 0,

    /// <summary>The key must already be in the known-hosts file; unknown or changed keys fail.</summary>
    Strict = 1,

    /// <summary>An unknown key is added to the known-hosts file on first contact; a changed key fails.</summary>
    AcceptNew = 2,

    /// <summary>No check at all (and, without a known-hosts file, nothing is recorded); for tests only.</summary>
    Off = 3,
}
