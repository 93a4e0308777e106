namespace Restic.Net;

/// <summary>Options of <c>key add</c>.</summary>
public sealed record AddKeyOptions
{
    /// <summary>The user name recorded in the key (<c>--user</c>); null for the current user.</summary>
    public string? UserName { get; init; }

    /// <summary>The host name recorded in the key (<c>--host</c>); null for this machine's name.</summary>
    public string? HostName { get; init; }

    internal void Validate()
    {
        Guard.SingleLine(UserName);
        Guard.SingleLine(HostName);
    }
}
