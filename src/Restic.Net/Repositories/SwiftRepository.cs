using Restic.Net.Execution;

namespace Restic.Net;

/// <summary>
/// A repository in an OpenStack Swift container: <c>swift:container:/prefix</c>. The Keystone settings reach restic as <c>OS_*</c> variables.
/// </summary>
public sealed record SwiftRepository : ResticRepository
{
    /// <summary>Creates a Swift repository.</summary>
    /// <param name="container">The container name.</param>
    /// <param name="prefix">The folder inside the container; it must start with <c>/</c> and name a folder (restic rejects <c>/</c> alone).</param>
    /// <exception cref="ArgumentException">A value is empty or malformed.</exception>
    public SwiftRepository(string container, string prefix)
    {
        BackendSettings.Token(container, nameof(container), "The Swift container name", ":/\"'\\");
        Guard.NotNullOrEmptyNoNul(prefix);
        if (!prefix.StartsWith('/') || prefix.Trim('/').Length == 0)
        {
            throw new ArgumentException($"The Swift prefix must start with '/' and name a folder, such as '/restic'; got '{prefix}'.", nameof(prefix));
        }

        Container = container;
        Prefix = prefix;
    }

    /// <summary>The container name.</summary>
    public string Container { get; }

    /// <summary>The folder inside the container.</summary>
    public string Prefix { get; }

    /// <summary>The Keystone URL (<c>OS_AUTH_URL</c>).</summary>
    public string? AuthUrl { get; init; }

    /// <summary>The region (<c>OS_REGION_NAME</c>).</summary>
    public string? RegionName { get; init; }

    /// <summary>The user name (<c>OS_USERNAME</c>).</summary>
    public string? UserName { get; init; }

    /// <summary>The password (<c>OS_PASSWORD</c>); a secret.</summary>
    public string? Password { get; init; }

    /// <summary>The user's domain (<c>OS_USER_DOMAIN_NAME</c>), Keystone v3.</summary>
    public string? UserDomainName { get; init; }

    /// <summary>The project (<c>OS_PROJECT_NAME</c>), Keystone v3.</summary>
    public string? ProjectName { get; init; }

    /// <summary>The project's domain (<c>OS_PROJECT_DOMAIN_NAME</c>), Keystone v3.</summary>
    public string? ProjectDomainName { get; init; }

    /// <summary>The tenant (<c>OS_TENANT_NAME</c>), Keystone v2.</summary>
    public string? TenantName { get; init; }

    /// <summary>An application credential id (<c>OS_APPLICATION_CREDENTIAL_ID</c>).</summary>
    public string? ApplicationCredentialId { get; init; }

    /// <summary>An application credential secret (<c>OS_APPLICATION_CREDENTIAL_SECRET</c>); a secret.</summary>
    public string? ApplicationCredentialSecret { get; init; }

    /// <summary>A pre-authenticated storage URL (<c>OS_STORAGE_URL</c>), used with <see cref="AuthToken"/>.</summary>
    public string? StorageUrl { get; init; }

    /// <summary>A pre-authenticated token (<c>OS_AUTH_TOKEN</c>); a secret.</summary>
    public string? AuthToken { get; init; }

    /// <inheritdoc />
    internal override string ToResticLocation() => $"swift:{Container}:{Prefix}";

    /// <inheritdoc />
    internal override void ApplyTo(ResticEnvironment environment)
    {
        if ((StorageUrl is null) != (AuthToken is null))
        {
            throw BackendSettings.Invalid("Set both SwiftRepository.StorageUrl and AuthToken (pre-authenticated access), or neither.", StorageUrl is null ? nameof(StorageUrl) : nameof(AuthToken));
        }

        base.ApplyTo(environment);
        BackendSettings.Set(environment, "OS_AUTH_URL", AuthUrl, nameof(AuthUrl));
        BackendSettings.Set(environment, "OS_REGION_NAME", RegionName, nameof(RegionName));
        BackendSettings.Set(environment, "OS_USERNAME", UserName, nameof(UserName));
        BackendSettings.Set(environment, "OS_PASSWORD", Password, nameof(Password));
        BackendSettings.Set(environment, "OS_USER_DOMAIN_NAME", UserDomainName, nameof(UserDomainName));
        BackendSettings.Set(environment, "OS_PROJECT_NAME", ProjectName, nameof(ProjectName));
        BackendSettings.Set(environment, "OS_PROJECT_DOMAIN_NAME", ProjectDomainName, nameof(ProjectDomainName));
        BackendSettings.Set(environment, "OS_TENANT_NAME", TenantName, nameof(TenantName));
        BackendSettings.Set(environment, "OS_APPLICATION_CREDENTIAL_ID", ApplicationCredentialId, nameof(ApplicationCredentialId));
        BackendSettings.Set(environment, "OS_APPLICATION_CREDENTIAL_SECRET", ApplicationCredentialSecret, nameof(ApplicationCredentialSecret));
        BackendSettings.Set(environment, "OS_STORAGE_URL", StorageUrl, nameof(StorageUrl));
        BackendSettings.Set(environment, "OS_AUTH_TOKEN", AuthToken, nameof(AuthToken));
    }

    /// <inheritdoc />
    internal override IEnumerable<string> GetSecrets() =>
        new[] { Password, ApplicationCredentialSecret, AuthToken }.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!);
}
