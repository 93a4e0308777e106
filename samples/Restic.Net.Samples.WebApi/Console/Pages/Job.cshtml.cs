using Microsoft.AspNetCore.Mvc;
using Restic.Net.Samples.WebApi.Jobs;
using Restic.Net.Samples.WebApi.Problems;

namespace Restic.Net.Samples.WebApi.Console.Pages;

/// <summary>One job: its state and result; while it runs, live progress (console.js follows its events) and, for operators, Cancel.</summary>
internal sealed class JobModel(JobStore jobs) : ConsolePageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public JobResponse? Job { get; private set; }

    /// <summary>Whether this instance runs the job, so that its live events can be followed here.</summary>
    public bool Live { get; private set; }

    /// <summary>The result's sentence: a backup's "Snapshot 1a2b3c4d saved.", live or as the database recorded it.</summary>
    public string? ResultMessage => Job?.Result switch
    {
        Endpoints.BackupResponse backup => backup.Message,
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Object } json when json.TryGetProperty("message", out var text) => text.GetString(),
        _ => null,
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Job = await jobs.FindAsync(Id, cancellationToken)
            ?? throw new ApiProblemException(StatusCodes.Status404NotFound, "Unknown job", "There is no such job.");
        Live = Job.State == JobState.Running && jobs.FindLocal(Id) is not null;
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken)
    {
        if (!User.IsOperator())
        {
            return Forbid(); // the button is not shown to viewers; the server refuses them all the same
        }

        _ = await jobs.CancelAsync(Id, cancellationToken)
            ?? throw new ApiProblemException(StatusCodes.Status404NotFound, "Unknown job", "There is no such job.");
        return Redirect(ConsolePaths.Job(Id));
    }
}
