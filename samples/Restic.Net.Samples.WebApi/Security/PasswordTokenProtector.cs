using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Restic.Net.Samples.WebApi.Security;

/// <summary>
/// Protects repository passwords with ASP.NET Core Data Protection (authenticated encryption with
/// rotating keys), bound to the repository name: a token made for one repository does not open
/// another. The client keeps the token; the server keeps no password.
/// </summary>
internal sealed class PasswordTokenProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Restic.Net.Samples.WebApi.RepositoryPassword.v1");

    public string Protect(string repositoryName, string password) =>
        _protector.CreateProtector(repositoryName).Protect(password);

    /// <summary>The password inside the token, or null if the token was not made for this repository by this server.</summary>
    public string? Unprotect(string repositoryName, string token)
    {
        try
        {
            return _protector.CreateProtector(repositoryName).Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
