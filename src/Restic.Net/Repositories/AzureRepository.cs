using Restic.Net.Execution;

namespace Restic.Net;

/// <summary>
/// A repository in an Azure Blob Storage container: <c>azure:container:/path</c>. The account and its key or SAS token
/// reach restic as <c>AZURE_*</c> variables; with neither key nor SAS, restic 0.16+ uses Azure's default credential chain
/// (managed identity, workload identity, Azure CLI).
/// </summary>
public sealed record AzureRepository : ResticRepository
{
    /// <summary>Creates an Azure repository.</summary>
    /// <param name="container">The container name.</param>
    /// <param name="path">The folder inside the container, starting with <c>/</c>; <c>/</c> for the root.</param>
    /// <exception cref="ArgumentException">A value is empty or malformed.</exception>
    public AzureRepository(string container, string path = "/")
    {
        BackendSettings.Token(container, nameof(container), "The Azure container name", ":/\"'\\");
        Guard.NotNullOrEmptyNoNul(path);
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"The Azure path must start with '/' (use '/' for the container's root); got '{path}'.", nameof(path));
        }

        Container = container;
        Path = path;
    }

    /// <summary>The storage account name (<c>AZURE_ACCOUNT_NAME</c>, which restic requires); null when <see cref="ResticClientOptions.EnvironmentVariables"/> provides it.</summary>
    public string? AccountName { get; init; }

    /// <summary>The container name.</summary>
    public string Container { get; }

    /// <summary>The folder inside the container.</summary>
    public string Path { get; }

    /// <summary>The account key (<c>AZURE_ACCOUNT_KEY</c>); a secret. Exclusive with <see cref="SasToken"/>.</summary>
    public string? AccountKey { get; init; }

    /// <summary>A shared access signature (<c>AZURE_ACCOUNT_SAS</c>); a secret. Exclusive with <see cref="AccountKey"/>.</summary>
    public string? SasToken { get; init; }

    /// <summary>The endpoint suffix for sovereign clouds (<c>AZURE_ENDPOINT_SUFFIX</c>, restic 0.16+), such as <c>core.chinacloudapi.cn</c>.</summary>
    public string? EndpointSuffix { get; init; }

    /// <inheritdoc />
    internal override string ToResticLocation() => $"azure:{Container}:{Path}";

    /// <inheritdoc />
    internal override void ApplyTo(ResticEnvironment environment)
    {
        if (AccountKey is not null && SasToken is not null)
        {
            throw BackendSettings.Invalid("Set AzureRepository.AccountKey or SasToken, not both (neither uses Azure's default credential chain).", nameof(SasToken));
        }

        if (EndpointSuffix is not null)
        {
            BackendSettings.Token(EndpointSuffix, nameof(EndpointSuffix), "The Azure endpoint suffix", "/:\"'\\");
        }

        if (AccountName is not null)
        {
            BackendSettings.Token(AccountName, nameof(AccountName), "The Azure account name", ":/\"'\\");
        }

        base.ApplyTo(environment);
        BackendSettings.Set(environment, "AZURE_ACCOUNT_NAME", AccountName, nameof(AccountName));
        BackendSettings.Set(environment, "AZURE_ACCOUNT_KEY", AccountKey, nameof(AccountKey));
        BackendSettings.Set(environment, "AZURE_ACCOUNT_SAS", SasToken, nameof(SasToken));
        BackendSettings.Set(environment, "AZURE_ENDPOINT_SUFFIX", EndpointSuffix, nameof(EndpointSuffix));
    }

    /// <inheritdoc />
    internal override IEnumerable<string> GetSecrets() =>
        new[] { AccountKey, SasToken }.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!);
}
