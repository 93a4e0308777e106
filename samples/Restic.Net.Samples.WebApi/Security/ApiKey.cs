namespace Restic.Net.Samples.WebApi.Security;

/// <summary>
/// One caller: its name (for the audit log), the SHA-256 of its key in hex (the key itself is
/// never stored) and its roles: <c>viewer</c>, <c>operator</c> or <c>admin</c>, each including the one before.
/// </summary>
public sealed class ApiKey
{
    public string Name { get; set; } = string.Empty;

    /// <summary>Lower-case hex SHA-256 of the key: <c>printf %s "$KEY" | sha256sum</c>.</summary>
    public string Sha256 { get; set; } = string.Empty;

    public List<string> Roles { get; } = [];
}
