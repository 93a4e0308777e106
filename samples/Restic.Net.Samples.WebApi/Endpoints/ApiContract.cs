using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Restic.Net.Samples.WebApi.Security;

namespace Restic.Net.Samples.WebApi.Endpoints;

/// <summary>
/// What the OpenAPI document promises beyond the routes: every status an endpoint can answer with
/// its schema (problem details for every error), the <c>X-Api-Key</c> security scheme, and an
/// example body for each request. <c>tests/…/TestData/openapi.v1.json</c> pins the result.
/// </summary>
internal static class ApiContract
{
    /// <summary>The errors every restic-backed endpoint can answer with, besides its own.</summary>
    private static readonly int[] s_resticErrors = [StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status502BadGateway, StatusCodes.Status503ServiceUnavailable, StatusCodes.Status504GatewayTimeout];

    private static readonly Dictionary<string, JsonNode> s_examples = new(StringComparer.Ordinal)
    {
        ["Init"] = new JsonObject { ["name"] = "docs", ["location"] = "/srv/backups/docs", ["password"] = "correct horse battery staple" },
        ["Backup"] = new JsonObject { ["repository"] = "docs", ["paths"] = new JsonArray("/srv/docs"), ["tags"] = new JsonArray("nightly"), ["exclude_patterns"] = new JsonArray("*.tmp"), ["run_as_job"] = true },
        ["Restore"] = new JsonObject { ["repository"] = "docs", ["target_path"] = "/srv/restore", ["include"] = new JsonArray("/srv/docs/reports") },
        ["Prune"] = new JsonObject { ["repository"] = "docs", ["keep_daily"] = 7, ["keep_weekly"] = 4, ["keep_monthly"] = 6, ["keep_yearly"] = 2, ["dry_run"] = true },
        ["Check"] = new JsonObject { ["repository"] = "docs", ["read_data_subset"] = "10%" },
        ["Unlock"] = new JsonObject { ["repository"] = "docs", ["remove_all"] = false },
        ["RotateKey"] = new JsonObject { ["repository"] = "docs", ["new_password"] = "a new long passphrase" },
    };

    /// <summary>An endpoint that answers <paramref name="success"/> with <typeparamref name="T"/>, plus the errors of its kind.</summary>
    public static RouteHandlerBuilder Answers<T>(this RouteHandlerBuilder endpoint, int success, bool restic = true, bool job = false, params int[] more)
    {
        endpoint.Produces<T>(success);
        if (job)
        {
            endpoint.Produces<JobAccepted>(StatusCodes.Status202Accepted);
        }

        return endpoint.Errors(restic, more);
    }

    /// <summary>An endpoint that reads a JSON body: also 413 (too large) and 415 (not JSON), as problem details.</summary>
    public static RouteHandlerBuilder WithJsonBody(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    /// <summary>The problem-details answers: 400 with field errors, 401, 403, and for restic-backed endpoints 404/409/502/503/504.</summary>
    public static RouteHandlerBuilder Errors(this RouteHandlerBuilder endpoint, bool restic = true, params int[] more)
    {
        endpoint.ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        foreach (var status in (restic ? s_resticErrors : []).Concat(more).Distinct())
        {
            endpoint.ProducesProblem(status);
        }

        return endpoint;
    }

    public static void AddApiContract(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Restic.Net ops console API";
            document.Info.Description = "The original ops console's restic endpoints, rebuilt on Restic.Net. Every call needs an API key in X-Api-Key whose role allows it (viewer, operator, admin). Unknown fields are refused.";
            document.Info.License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" };
            document.Tags = new HashSet<OpenApiTag> { new() { Name = "restic", Description = "Repositories, backups, restores, maintenance and the jobs that run them." } };
            // The address depends on the host, so the one server is relative: the host that serves this
            // document. An empty list is an error to OpenAPI linters (and tools then guess a server).
            document.Servers = [new OpenApiServer { Url = "/", Description = "The server that serves this document." }];
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "An API key; the server stores only its SHA-256. Roles: viewer (reads), operator (also backup, check, cancel), admin (also init, restore, prune).",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [] });
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            // Requests are strict (unknown fields are refused); responses and problem details may gain
            // fields (problem details carry restic_message, exit_code, lock_holder), so clients must tolerate them.
            if (context.JsonPropertyInfo is null && context.JsonTypeInfo.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object)
            {
                schema.AdditionalPropertiesAllowed = !context.JsonTypeInfo.Type.Name.EndsWith("Request", StringComparison.Ordinal);
            }

            // Enums are read by ExactEnumConverter, which the schema generator does not know: say what it takes.
            // (A nullable enum's own schema is the enum's; "null" is added where a property refers to it.)
            if ((Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type) is { IsEnum: true } enumType && schema.OneOf is not { Count: > 0 })
            {
                schema.Type = JsonSchemaType.String;
                schema.Enum = [.. ExactEnumConverter.NamesOf(enumType).Select(name => (JsonNode)JsonValue.Create(name))];
            }

            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var name = context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
            if (name is not null && s_examples.TryGetValue(name, out var example) && operation.RequestBody?.Content is { } content && content.TryGetValue("application/json", out var json))
            {
                json.Example = example.DeepClone();
            }

            return Task.CompletedTask;
        });
    }
}
