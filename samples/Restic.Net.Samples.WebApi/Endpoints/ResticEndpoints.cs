using Microsoft.AspNetCore.Authorization;
using Restic.Net.Samples.WebApi.Jobs;
using Restic.Net.Samples.WebApi.Security;

namespace Restic.Net.Samples.WebApi.Endpoints;

/// <summary>
/// The ops-console API under <c>/api/v1/backups/restic</c>. Three roles, each including the one before:
/// <c>viewer</c> reads (snapshots, stats, repositories, jobs and their events), <c>operator</c> also
/// backs up, checks and cancels jobs, <c>admin</c> also creates repositories, restores and prunes.
/// </summary>
internal static class ResticEndpoints
{
    public const string BasePath = "/api/v1/backups/restic";
    public const string ViewerPolicy = "viewer";
    public const string OperatorPolicy = "operator";
    public const string AdminPolicy = "admin";

    public static IEndpointRouteBuilder MapResticApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(BasePath).WithTags("restic");

        var viewer = api.MapGroup(string.Empty).RequireAuthorization(ViewerPolicy);
        viewer.MapGet("/repositories", RepositoriesEndpoint.HandleAsync).AddEndpointFilter(new StrictQueryFilter()).Answers<List<RepositoryResponse>>(StatusCodes.Status200OK, restic: false).WithName("Repositories").WithSummary("Lists the registered repositories.");
        viewer.MapGet("/snapshots", SnapshotsEndpoint.HandleAsync).AddEndpointFilter(new StrictQueryFilter("repository", "tag")).Answers<SnapshotsResponse>(StatusCodes.Status200OK).WithName("Snapshots").WithSummary("Lists snapshots, optionally by tag.");
        viewer.MapGet("/stats", StatsEndpoint.HandleAsync).AddEndpointFilter(new StrictQueryFilter("repository")).Answers<StatsResponse>(StatusCodes.Status200OK).WithName("Stats").WithSummary("Total size, files, snapshots and deduplication ratio.");
        viewer.MapGet("/jobs", JobEndpoints.ListAsync).AddEndpointFilter(new StrictQueryFilter("page", "page_size")).Answers<JobsResponse>(StatusCodes.Status200OK, restic: false).WithName("Jobs").WithSummary("Lists jobs of every instance, newest first, a page at a time.");
        viewer.MapGet("/jobs/{id:guid}", JobEndpoints.GetAsync).AddEndpointFilter(new StrictQueryFilter()).Answers<JobResponse>(StatusCodes.Status200OK, restic: false, more: [StatusCodes.Status404NotFound]).WithName("GetJob").WithSummary("The state and result of a job.");
        viewer.MapGet("/jobs/{id:guid}/events", JobEndpoints.EventsAsync).AddEndpointFilter(new StrictQueryFilter()).Produces<ProgressSnapshot>(StatusCodes.Status200OK, "text/event-stream").Errors(restic: false, StatusCodes.Status404NotFound).WithName("JobEvents").WithSummary("The job's progress as server-sent events, from any instance.");

        viewer.MapGet("/health", HealthEndpoint.HandleAsync).AddEndpointFilter(new StrictQueryFilter()).Answers<HealthResponse>(StatusCodes.Status200OK, restic: false).WithName("Health").WithSummary("Restic.Net's health check of every repository the server has a password for.");
        viewer.MapGet("/locks", LockEndpoints.ListAsync).AddEndpointFilter(new StrictQueryFilter("repository")).Answers<LocksResponse>(StatusCodes.Status200OK).WithName("Locks").WithSummary("Lists the repository's locks and who holds them.");

        var operators = api.MapGroup(string.Empty).RequireAuthorization(OperatorPolicy);
        operators.MapPost("/backup", BackupEndpoint.HandleAsync).AddEndpointFilter(new StrictQueryFilter()).WithJsonBody().Answers<BackupResponse>(StatusCodes.Status200OK, job: true, more: [StatusCodes.Status422UnprocessableEntity]).WithName("Backup").WithSummary("Creates a snapshot, or starts a backup job.");
        operators.MapPost("/check", CheckEndpoint.HandleAsync).AddEndpointFilter(new StrictQueryFilter()).WithJsonBody().Answers<CheckResponse>(StatusCodes.Status200OK).WithName("Check").WithSummary("Checks the repository's integrity.");
        operators.MapDelete("/jobs/{id:guid}", JobEndpoints.CancelAsync).AddEndpointFilter(new StrictQueryFilter()).Produces<JobResponse>(StatusCodes.Status200OK).Produces<JobResponse>(StatusCodes.Status202Accepted).Errors(restic: false, StatusCodes.Status404NotFound).WithName("CancelJob").WithSummary("Cancels a job; restic stops gracefully.");

        var admin = api.MapGroup(string.Empty).RequireAuthorization(AdminPolicy);
        admin.MapPost("/init", InitEndpoint.HandleAsync).AddEndpointFilter(new StrictQueryFilter()).WithJsonBody().Answers<InitResponse>(StatusCodes.Status201Created).WithName("Init").WithSummary("Creates a repository and registers it by name.");
        admin.MapPost("/restore/{snapshot_id}", RestoreEndpoint.HandleAsync).AddEndpointFilter(new StrictQueryFilter()).WithJsonBody().Answers<RestoreResponse>(StatusCodes.Status200OK, job: true).WithName("Restore").WithSummary("Restores a snapshot, or starts a restore job.");
        admin.MapGet("/audit", AuditEndpoint.HandleAsync).AddEndpointFilter(new StrictQueryFilter("page", "page_size", "user", "repository", "action", "outcome", "since")).Answers<AuditResponse>(StatusCodes.Status200OK, restic: false).WithName("Audit").WithSummary("The audit trail, newest first, a page at a time.");
        admin.MapPost("/unlock", LockEndpoints.UnlockAsync).AddEndpointFilter(new StrictQueryFilter()).WithJsonBody().Answers<UnlockResponse>(StatusCodes.Status200OK).WithName("Unlock").WithSummary("Removes stale locks, or all locks with remove_all.");
        admin.MapPost("/keys/rotate", KeyEndpoints.RotateAsync).AddEndpointFilter(new StrictQueryFilter()).WithJsonBody().Answers<RotateKeyResponse>(StatusCodes.Status200OK).WithName("RotateKey").WithSummary("Changes the repository password: adds a key, verifies it, then removes the old one.");
        admin.MapPost("/prune", PruneEndpoint.HandleAsync).AddEndpointFilter(new StrictQueryFilter()).WithJsonBody().Answers<PruneResponse>(StatusCodes.Status200OK).WithName("Prune").WithSummary("Forgets snapshots by a keep policy and prunes the data.");
        return app;
    }

    /// <summary>The roles that satisfy each policy: a higher role includes the lower ones.</summary>
    public static AuthorizationBuilder AddRolePolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(ViewerPolicy, p => p.RequireAuthenticatedUser().RequireRole(RoleSets.Viewers))
        .AddPolicy(OperatorPolicy, p => p.RequireAuthenticatedUser().RequireRole(RoleSets.Operators))
        .AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(RoleSets.Admins));
}
