using Restic.Net.Samples.WebApi.Problems;
using Restic.Net.Samples.WebApi.Security;

namespace Restic.Net.Samples.WebApi.Repositories;

/// <summary>
/// Replaces a registered repository's key so that the server can still open it, for <c>POST /keys/rotate</c> and the
/// console alike: Restic.Net's verified <c>ChangePasswordAsync</c> (a new key is added and checked to open the
/// repository before the old one is removed), then the readers opened with the old key are closed and the server's
/// token is replaced. A repository whose password is a file on the server is refused before anything changes: the
/// server reads the file first, so it would lock itself out.
/// </summary>
internal sealed class KeyRotation(RepositoryRegistry registry, PasswordTokenProtector tokens, ReadClientCache readers)
{
    /// <summary>The old and the new key, the server's new token, and a sentence that names both keys.</summary>
    public sealed record Result(PasswordRotation Rotation, string PasswordToken, string Message);

    public async Task<Result> RotateAsync(IResticClient client, RegisteredRepository repository, string newPassword, CancellationToken cancellationToken)
    {
        if (repository.PasswordFile is { Length: > 0 })
        {
            throw new ApiProblemException(StatusCodes.Status409Conflict, "Password from a file", "This repository's password is read from a file on the server: replace the key with restic and update that file, or the server could no longer open the repository.");
        }

        var rotation = await client.ChangePasswordAsync(ResticPassword.FromValue(newPassword), cancellationToken);
        readers.Invalidate(repository.Name); // the readers opened with the old key must not outlive it
        var token = tokens.Protect(repository.Name, newPassword);
        await registry.SetPasswordTokenAsync(repository.Name, token, cancellationToken);
        return new(rotation, token, $"Key {Short(rotation.OldKey.Id)} was replaced by {Short(rotation.NewKey.Id)}; the old password and its tokens no longer open the repository.");
    }

    private static string Short(string id) => id[..Math.Min(8, id.Length)];
}
