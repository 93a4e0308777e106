using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;

namespace Restic.Net.Samples.WebApi.Security;

/// <summary>The keys the <c>X-Api-Key</c> header may carry (<c>Authentication:ApiKeys</c>).</summary>
public sealed class ApiKeyOptions : AuthenticationSchemeOptions
{
    public const string SectionName = "Authentication";

    public List<ApiKey> ApiKeys { get; } = [];

    /// <summary>
    /// The identity of the caller whose key this is (its name and roles, authenticated by <paramref name="scheme"/>),
    /// or null: compared by SHA-256 in constant time. Shared by the <c>X-Api-Key</c> header and the console's sign-in.
    /// </summary>
    public ClaimsIdentity? Identify(string key, string scheme)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        foreach (var apiKey in ApiKeys)
        {
            if (apiKey.Sha256.Length == 64 && CryptographicOperations.FixedTimeEquals(hash, Convert.FromHexString(apiKey.Sha256)))
            {
                return new ClaimsIdentity(
                    [new Claim(ClaimTypes.Name, apiKey.Name), .. apiKey.Roles.Select(role => new Claim(ClaimTypes.Role, role))],
                    scheme,
                    ClaimTypes.Name,
                    ClaimTypes.Role);
            }
        }

        return null;
    }
}
