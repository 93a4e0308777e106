using Microsoft.AspNetCore.Authentication;

namespace Restic.Net.Samples.WebApi.Security;

/// <summary>The keys the <c>X-Api-Key</c> header may carry (<c>Authentication:ApiKeys</c>).</summary>
public sealed class ApiKeyOptions : AuthenticationSchemeOptions
{
    public const string SectionName = "Authentication";

    public List<ApiKey> ApiKeys { get; } = [];
}
