namespace Restic.Net.Samples.WebApi.Configuration;

/// <summary>A repository configured by name (<c>Restic:Repositories:{name}</c>).</summary>
public sealed class RepositoryRegistration
{
    /// <summary>A restic location: a local path or a backend URL such as <c>sftp:</c>, <c>s3:</c> or <c>rest:</c>.</summary>
    public string Location { get; set; } = string.Empty;

    /// <summary>
    /// A file holding the repository password. When set, callers need not send one; when not set,
    /// every call must carry the password token from <c>POST /init</c> or the password itself.
    /// </summary>
    public string? PasswordFile { get; set; }

    /// <summary>Backend credentials for the child process only (for example <c>AWS_ACCESS_KEY_ID</c>).</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);
}
