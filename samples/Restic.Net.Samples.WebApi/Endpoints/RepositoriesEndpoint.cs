using Restic.Net.Samples.WebApi.Repositories;

namespace Restic.Net.Samples.WebApi.Endpoints;

/// <summary>One registered repository; the location is redacted.</summary>
internal sealed record RepositoryResponse(string Name, string Location, bool HasPasswordFile);

internal static class RepositoriesEndpoint
{
    public static async Task<IResult> HandleAsync(RepositoryRegistry registry, CancellationToken cancellationToken) =>
        TypedResults.Ok((await registry.AllAsync(cancellationToken)).Select(r => new RepositoryResponse(r.Name, r.Location.RedactedLocation, r.PasswordFile is not null)).ToList());
}
