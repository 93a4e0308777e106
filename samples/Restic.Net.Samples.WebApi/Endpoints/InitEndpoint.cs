using Restic.Net.Samples.WebApi.Problems;
using Restic.Net.Samples.WebApi.Repositories;
using Restic.Net.Samples.WebApi.Security;

namespace Restic.Net.Samples.WebApi.Endpoints;

/// <summary><c>POST /init</c> body.</summary>
internal sealed record InitRequest(string? Name, string? Location, string? Password);

/// <summary>
/// <c>POST /init</c> response. <c>password_token</c> is the password protected with this server's
/// Data Protection keys: send it back as <c>X-Restic-Password-Token</c> instead of the password.
/// </summary>
internal sealed record InitResponse(bool Success, string Repository, string RepositoryId, string Location, string PasswordToken, string Message);

internal static class InitEndpoint
{
    public static async Task<IResult> HandleAsync(
        InitRequest request,
        HttpContext context,
        RepositoryRegistry registry,
        RepositoryClientFactory clients,
        PasswordTokenProtector tokens,
        PathPolicy paths,
        CancellationToken cancellationToken)
    {
        RepositoryClientFactory.RefuseSecretsInQuery(context);
        var name = request.Name ?? throw ApiProblemException.Invalid("name", "Give the repository a name.");
        RepositoryRegistry.ValidateName(name);
        if (string.IsNullOrWhiteSpace(request.Location))
        {
            throw ApiProblemException.Invalid("location", "Give the repository location: a local path or a restic backend URL.");
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            throw ApiProblemException.Invalid("password", "Give the new repository a password.");
        }

        var location = ResticRepository.Parse(request.Location);
        if (location is LocalRepository local)
        {
            paths.Check("location", local.Path);
        }

        context.Items[Auditing.AuditMiddleware.RepositoryItem] = name;
        var registered = await registry.AddAsync(name, request.Location, context.User.Identity?.Name ?? "?", cancellationToken);
        try
        {
            await using var client = clients.CreateClient(registered, ResticPassword.FromValue(request.Password));
            var info = await client.InitAsync(cancellationToken: cancellationToken);
            var token = tokens.Protect(name, request.Password);
            await registry.SetPasswordTokenAsync(name, token, cancellationToken);
            var response = new InitResponse(true, name, info.Id, location.RedactedLocation, token, $"Created repository {info.Id[..8]} as '{name}'.");
            return TypedResults.Created($"{ResticEndpoints.BasePath}/snapshots?repository={Uri.EscapeDataString(name)}", response);
        }
        catch (ResticRepositoryAlreadyExistsException)
        {
            await registry.RemoveAsync(name);
            throw new ApiProblemException(StatusCodes.Status409Conflict, "Repository exists", "A restic repository exists at that location already.");
        }
        catch
        {
            await registry.RemoveAsync(name);
            throw;
        }
    }
}
