namespace Restic.Net;

/// <summary>Options of <c>key add</c>.</summary>
public sealed record AddKeyOptions
{
    /// <summary>Creates options for a new key.</summary>
    /// <param name="password">
    /// The new key's password: <see cref="ResticPassword.FromValue"/> (handed to restic in a private
    /// temporary file, deleted afterwards) or <see cref="ResticPassword.FromFile"/>.
    /// </param>
    public AddKeyOptions(ResticPassword password)
    {
        ArgumentNullException.ThrowIfNull(password);
        Password = password;
    }

    /// <summary>The new key's password.</summary>
    public ResticPassword Password { get; }

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
