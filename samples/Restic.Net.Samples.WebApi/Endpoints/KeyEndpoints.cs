using Restic.Net.Samples.WebApi.Problems;
using Restic.Net.Samples.WebApi.Repositories;
using Restic.Net.Samples.WebApi.Security;

namespace Restic.Net.Samples.WebApi.Endpoints;

/// <summary><c>POST /keys/rotate</c> body: the repository, its current password (token) and the new password.</summary>
internal sealed record RotateKeyRequest : IPasswordSource
{
    public string? Repository { get; init; }

    public string? NewPassword { get; init; }

    public string? Password { get; init; }

    public string? PasswordToken { get; init; }
}

/// <summary><c>POST /keys/rotate</c> response: the removed and the new key, and the token for the new password.</summary>
internal sealed record RotateKeyResponse(bool Success, string OldKeyId, string NewKeyId, string PasswordToken, string Message);

internal static class KeyEndpoints
{
    /// <summary>
    /// Changes the repository password the verified way (Restic.Net's <c>ChangePasswordAsync</c>): a new
    /// key is added, checked to open the repository, and only then the old key is removed.
    /// </summary>
    public static async Task<IResult> RotateAsync(
        RotateKeyRequest request,
        HttpContext context,
        RepositoryClientFactory clients,
        RepositoryRegistry registry,
        PasswordTokenProtector tokens,
        ReadClientCache readers,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.NewPassword))
        {
            throw ApiProblemException.Invalid("new_password", "Give the new password.");
        }

        var (repository, client) = await clients.CreateAsync(context, request.Repository, request);
        var rotation = await client.ChangePasswordAsync(ResticPassword.FromValue(request.NewPassword), cancellationToken);
        readers.Invalidate(repository.Name); // the readers opened with the old key must not outlive it
        var token = tokens.Protect(repository.Name, request.NewPassword);
        await registry.SetPasswordTokenAsync(repository.Name, token, cancellationToken);
        return TypedResults.Ok(new RotateKeyResponse(
            true,
            rotation.OldKey.Id,
            rotation.NewKey.Id,
            token,
            $"Key {rotation.OldKey.Id[..Math.Min(8, rotation.OldKey.Id.Length)]} was replaced by {rotation.NewKey.Id[..Math.Min(8, rotation.NewKey.Id.Length)]}; the old password and its tokens no longer open the repository."));
    }
}
