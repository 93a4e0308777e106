using Restic.Net.Samples.WebApi.Problems;

namespace Restic.Net.Samples.WebApi.Endpoints;

/// <summary>
/// Refuses query parameters an endpoint does not take (400, naming them), instead of ignoring them:
/// the original console took check's options from the query string, and an ignored
/// <c>?read_data=true</c> would report a quick check as the full one the caller asked for.
/// </summary>
internal sealed class StrictQueryFilter(params string[] allowed) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        // Secrets in the query are refused with their own message before anything else looks at them.
        Repositories.RepositoryClientFactory.RefuseSecretsInQuery(context.HttpContext);
        foreach (var key in context.HttpContext.Request.Query.Keys)
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                throw ApiProblemException.Invalid(key, LegacyFields.Unknown("query parameter", key) +
                    (allowed.Length == 0 ? " This endpoint takes no query parameters; its options are fields of the JSON body." : $" It takes: {string.Join(", ", allowed)}."));
            }
        }

        return next(context);
    }
}
