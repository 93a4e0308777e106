// Restic.Net web API sample: the ops console's restic endpoints under /api/v1/backups/restic.
//
//   dotnet run --project samples/Restic.Net.Samples.WebApi -- --urls http://127.0.0.1:5080
//
// Every call needs an API key in the X-Api-Key header whose role allows it (viewer, operator, admin;
// Authentication:ApiKeys in appsettings.json holds only the SHA-256 of each key). README.md in this
// folder has curl examples.
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Restic.Net.Samples.WebApi.Auditing;
using Restic.Net.Samples.WebApi.Configuration;
using Restic.Net.Samples.WebApi.Console;
using Restic.Net.Samples.WebApi.Endpoints;
using Restic.Net.Samples.WebApi.Jobs;
using Restic.Net.Samples.WebApi.Problems;
using Restic.Net.Samples.WebApi.Repositories;
using Restic.Net.Samples.WebApi.Security;
using Restic.Net.Samples.WebApi.State;

var builder = WebApplication.CreateBuilder(args);

// The console's stylesheet and script (wwwroot) from the build output in every environment, not only Development:
// `dotnet run` and the tests start the built app in Production. A published app has them in its own wwwroot.
builder.WebHost.UseStaticWebAssets();

// The host's request lines include the query string, where a careless caller may put a password
// (the API refuses it, but only after the line was written): keep them out at any configured level.
builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);

builder.Services.AddOptions<ResticApiOptions>().Bind(builder.Configuration.GetSection(ResticApiOptions.SectionName));
builder.Services.ConfigureHttpJsonOptions(o =>
{
    // The original API's wire format: snake_case names and enum values.
    o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
    o.SerializerOptions.Converters.Add(new ExactEnumConverter());

    // A strict contract: a field the endpoint does not know is a 400 that names it, never ignored
    // (an ignored "keep_policy" once meant pruning by a policy the caller never sent). So is a field given
    // twice (the last one would win: "dry_run": true, "dry_run": false ran a real prune), a name in other
    // letter cases, a number in a string, and null where a list is required.
    o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    o.SerializerOptions.AllowDuplicateProperties = false;
    o.SerializerOptions.PropertyNameCaseInsensitive = false;
    o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
    o.SerializerOptions.RespectNullableAnnotations = true;
});
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // malformed bodies reach the problem handler

// Kestrel reads its endpoints from configuration but not its limits: Kestrel:Limits:MaxRequestBodySize
// (30 MB by default) is bound here, so an operator can lower it without a rebuild.
builder.WebHost.ConfigureKestrel((context, kestrel) => context.Configuration.GetSection("Kestrel:Limits").Bind(kestrel.Limits));

builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
{
    // Answered by ASP.NET Core itself (status code pages), without a word of why.
    c.ProblemDetails.Detail ??= c.ProblemDetails.Status switch
    {
        StatusCodes.Status413PayloadTooLarge => ProblemExceptionHandler.TooLarge,
        StatusCodes.Status415UnsupportedMediaType => ProblemExceptionHandler.NotJson,
        _ => null,
    };
});
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddOpenApi(o => o.AddApiContract());

builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
    .AddScheme<ApiKeyOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, o => builder.Configuration.GetSection(ApiKeyOptions.SectionName).Bind(o))
    .AddConsoleCookie();
builder.Services.AddAuthorizationBuilder().AddRolePolicies().AddConsolePolicies();

// The web console (/console): pages on the same repositories, readers, jobs and keys as the API.
builder.Services.AddResticConsole();

// The server's own state (database, key ring) never lies inside an allowed root, nor a root inside it:
// refused here, before anything is created or migrated.
var stateOptions = builder.Configuration.GetSection(StateOptions.SectionName).Get<StateOptions>() ?? new StateOptions();
var keyRingOptions = builder.Configuration.GetSection(KeyRingOptions.SectionName).Get<KeyRingOptions>() ?? new KeyRingOptions();
var stateFolders = StateFolders.From(stateOptions, keyRingOptions, builder.Environment.ContentRootPath);
stateFolders.EnsureApartFrom(builder.Configuration.GetSection(ResticApiOptions.SectionName).Get<ResticApiOptions>()?.AllowedRoots ?? []);
builder.Services.AddSingleton(stateFolders);

// Tokens from POST /init must survive restarts: the key ring is kept in DataProtection:KeysDirectory,
// closed to other users and, with a certificate configured, encrypted (Security/KeyRing.cs).
KeyRing.Configure(builder.Services.AddDataProtection().SetApplicationName("Restic.Net.Samples.WebApi"), keyRingOptions);

builder.Services.AddSingleton(TimeProvider.System);

// State that survives restarts (repositories from POST /init, jobs, the audit trail): SQLite by
// default, PostgreSQL for several instances. The schema is migrated before anything else starts.
builder.Services.AddOptions<StateOptions>().Bind(builder.Configuration.GetSection(StateOptions.SectionName));
builder.Services.AddSingleton<StateDatabase>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<StateDatabase>());
builder.Services.AddSingleton<AuditTrail>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<AuditTrail>()); // after the database: started after its migration, stopped before it
builder.Services.AddSingleton<RepositoryRegistry>();
builder.Services.AddSingleton<RepositoryClientFactory>();
builder.Services.AddSingleton<ReadClientCache>();
builder.Services.AddSingleton<PasswordTokenProtector>();
builder.Services.AddSingleton<KeyRotation>();
builder.Services.AddSingleton<PathPolicy>();
builder.Services.AddSingleton<JobStore>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<JobStore>());
builder.Services.AddHostedService(sp => sp.GetRequiredService<Restic.Net.Samples.WebApi.Console.ConsoleOverview>()); // after the database it reads

var app = builder.Build();
if (KeyRing.IsEphemeral(keyRingOptions))
{
    app.Logger.LogWarning("DataProtection:KeysDirectory is not set: the Data Protection keys live in memory only, so every password token (and every repository registered with POST /init) is unusable after a restart.");
}

// A refused body is read again to name every unknown member, not only the first the serializer met.
app.Use((context, next) =>
{
    context.Request.EnableBuffering();
    return next(context);
});
app.UseMiddleware<AuditMiddleware>();
app.UseResticConsoleHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseStaticFiles(); // the console's stylesheet and script (/assets), public like any page's
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi().RequireAuthorization(ResticEndpoints.ViewerPolicy); // the contract is for callers, like the rest
app.MapResticApi();
app.MapResticConsole();

app.Run();

/// <summary>The entry point; public so that WebApplicationFactory can host the app in tests.</summary>
public partial class Program;
