namespace Restic.Net;

/// <summary>Options of <c>key add</c>.</summary>
public sealed record AddKeyOptions
{
    /// <summary>The user name recorded in the key (<c>--user</c>); null for the current user.</summary>
    public string? User { get; init; }

    /// <summary>The host name recorded in the key (<c>--host</c>); null for this machine's name.</summary>
    public string? Host { get; init; }

    internal void Validate()
    {
        Guard.SingleLine(User);
        Guard.SingleLine(Host);
    }
}
