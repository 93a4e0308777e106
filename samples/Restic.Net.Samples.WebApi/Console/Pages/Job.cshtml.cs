using Microsoft.AspNetCore.Mvc;
using Restic.Net.Samples.WebApi.Jobs;
using Restic.Net.Samples.WebApi.Problems;

namespace Restic.Net.Samples.WebApi.Console.Pages;

/// <summary>
/// One job: its state and result; while it runs, live progress (console.js follows its events, served by any instance)
/// and, for operators, Cancel.
/// </summary>
internal sealed class JobModel(JobStore jobs) : ConsolePageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public JobResponse? Job { get; private set; }

    /// <summary>The result's sentence ("Snapshot 1a2b3c4d saved."), live or as the database recorded it.</summary>
    public string? ResultMessage => Job?.Result is { } result
        ? MessageOf(result is System.Text.Json.JsonElement json ? json : System.Text.Json.JsonSerializer.SerializeToElement(result))
        : null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Job = await jobs.FindAsync(Id, cancellationToken)
            ?? throw new ApiProblemException(StatusCodes.Status404NotFound, "Unknown job", "There is no such job.");
    }

    private static string? MessageOf(System.Text.Json.JsonElement result) =>
        result.ValueKind == System.Text.Json.JsonValueKind.Object
        && result.EnumerateObject().FirstOrDefault(p => p.Name.Equals("message", StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: System.Text.Json.JsonValueKind.String } message
            ? message.Value.GetString()
            : null;

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken)
    {
        if (!User.IsOperator())
        {
            return Refuse(); // the button is not shown to viewers; the server refuses them all the same
        }

        _ = await jobs.CancelAsync(Id, cancellationToken)
            ?? throw new ApiProblemException(StatusCodes.Status404NotFound, "Unknown job", "There is no such job.");
        return Redirect(ConsolePaths.Job(Id));
    }
}
