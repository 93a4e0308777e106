using Restic.Net.Samples.WebApi.Problems;
using Restic.Net.Samples.WebApi.Repositories;

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
    /// <summary>Changes the repository password the verified way, keeping the server able to open it (<see cref="KeyRotation"/>).</summary>
    public static async Task<IResult> RotateAsync(
        RotateKeyRequest request,
        HttpContext context,
        RepositoryClientFactory clients,
        KeyRotation keys,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.NewPassword))
        {
            throw ApiProblemException.Invalid("new_password", "Give the new password.");
        }

        var (repository, client) = await clients.CreateAsync(context, request.Repository, request);
        var rotated = await keys.RotateAsync(client, repository, request.NewPassword, cancellationToken);
        return TypedResults.Ok(new RotateKeyResponse(true, rotated.Rotation.OldKey.Id, rotated.Rotation.NewKey.Id, rotated.PasswordToken, rotated.Message));
    }
}
