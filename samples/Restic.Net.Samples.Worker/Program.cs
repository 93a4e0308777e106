// Restic.Net worker sample: scheduled backups with retention, scheduled checks, health checks.
//
//   dotnet run --project samples/Restic.Net.Samples.Worker -- --urls http://127.0.0.1:5090
//
// Repositories come from Restic:Repositories (one client each, see docs/dependency-injection.md),
// jobs from Backups (cron schedules read with Cronos). GET /healthz reports every repository and
// the last runs. Ctrl+C stops a running backup gracefully: restic removes its lock.
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Restic.Net.Extensions.DependencyInjection;
using Restic.Net.Samples.Worker.Configuration;
using Restic.Net.Samples.Worker.Scheduling;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System); // the scheduler's and the clients' clock; tests replace it
var health = builder.Services.AddHealthChecks().AddCheck<ScheduleHealthCheck>("schedule");
foreach (var repository in builder.Configuration.GetSection(Program.RepositoriesSection).GetChildren())
{
    builder.Services.AddResticClient(repository.Key, repository);
    health.AddResticRepositoryCheck(repository.Key, failureStatus: HealthStatus.Unhealthy, tags: ["repository"]);
}

builder.Services.AddOptions<WorkerOptions>().Bind(builder.Configuration.GetSection(WorkerOptions.SectionName)).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>();
builder.Services.AddSingleton<RunHistory>();
builder.Services.AddSingleton<TaskRunner>();
builder.Services.AddSingleton<BackupScheduler>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<BackupScheduler>());

var app = builder.Build();
app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { ResponseWriter = HealthReportJson.WriteAsync });
app.Run();

/// <summary>The entry point; public so that tests can host the worker.</summary>
public partial class Program
{
    /// <summary>One child section per repository client, named by its key.</summary>
    public const string RepositoriesSection = "Restic:Repositories";
}
