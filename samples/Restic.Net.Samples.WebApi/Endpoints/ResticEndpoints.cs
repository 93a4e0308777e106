namespace Restic.Net.Samples.WebApi.Endpoints;

/// <summary>The ops-console API under <c>/api/v1/backups/restic</c>; every endpoint needs the admin role.</summary>
internal static class ResticEndpoints
{
    public const string BasePath = "/api/v1/backups/restic";
    public const string AdminPolicy = "admin";

    public static IEndpointRouteBuilder MapResticApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(BasePath).RequireAuthorization(AdminPolicy).WithTags("restic");
        api.MapPost("/init", InitEndpoint.HandleAsync).WithName("Init").WithSummary("Creates a repository and registers it by name.");
        api.MapGet("/repositories", RepositoriesEndpoint.Handle).WithName("Repositories").WithSummary("Lists the registered repositories.");
        api.MapPost("/backup", BackupEndpoint.HandleAsync).WithName("Backup").WithSummary("Creates a snapshot, or starts a backup job.");
        api.MapGet("/snapshots", SnapshotsEndpoint.HandleAsync).WithName("Snapshots").WithSummary("Lists snapshots, optionally by tag.");
        api.MapPost("/restore/{snapshot_id}", RestoreEndpoint.HandleAsync).WithName("Restore").WithSummary("Restores a snapshot, or starts a restore job.");
        api.MapPost("/prune", PruneEndpoint.HandleAsync).WithName("Prune").WithSummary("Forgets snapshots by a keep policy and prunes the data.");
        api.MapGet("/stats", StatsEndpoint.HandleAsync).WithName("Stats").WithSummary("Total size, files, snapshots and deduplication ratio.");
        api.MapPost("/check", CheckEndpoint.HandleAsync).WithName("Check").WithSummary("Checks the repository's integrity.");
        api.MapGet("/jobs/{id:guid}", JobEndpoints.Get).WithName("GetJob").WithSummary("The state and result of a job.");
        api.MapGet("/jobs/{id:guid}/events", JobEndpoints.Events).WithName("JobEvents").WithSummary("The job's progress as server-sent events.");
        api.MapDelete("/jobs/{id:guid}", JobEndpoints.CancelAsync).WithName("CancelJob").WithSummary("Cancels a job; restic stops gracefully.");
        return app;
    }
}
