using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Restic.Net.Samples.WebApi.Problems;

namespace Restic.Net.Samples.WebApi.Console;

/// <summary>Turns a console handler's refusal or restic failure into the page with its problem shown (see <see cref="ConsolePageModel"/>).</summary>
internal sealed class ConsoleProblemFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // A value that could not be read (keep_last=99999999999, p=abc) is refused by name, not taken as no value.
        if (context.HandlerInstance is ConsolePageModel refused && Unreadable(context) is { Count: > 0 } names)
        {
            refused.Problem = $"{string.Join(", ", names)}: not a value this page can read. Correct the address or the form and try again.";
            context.HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Result = new PageResult();
            return;
        }

        var executed = await next();
        if (executed.Exception is { } exception && !executed.ExceptionHandled && context.HandlerInstance is ConsolePageModel page
            && Describe(exception) is var (status, problem))
        {
            page.Problem = problem;
            context.HttpContext.Response.StatusCode = status;
            executed.Result = new PageResult();
            executed.ExceptionHandled = true;
        }
    }

    // The bound names whose given value failed to convert; a missing or empty value is the page's to judge.
    private static List<string> Unreadable(PageHandlerExecutingContext context) =>
        [.. context.ModelState.Where(e => e.Value is { Errors.Count: > 0 } entry && !string.IsNullOrEmpty(entry.AttemptedValue)).Select(e => e.Key).Order(StringComparer.Ordinal)];

    /// <summary>The status and sentence for a failure a person can act on; null for a bug (left to the exception handler).</summary>
    public static (int Status, string Problem)? Describe(Exception exception) => exception switch
    {
        ApiProblemException p => (p.Status, p.Message),
        ResticSnapshotNotFoundException => (StatusCodes.Status404NotFound, "No such snapshot in this repository."),
        ResticPathNotFoundException => (StatusCodes.Status404NotFound, "The snapshot has no such path."),
        ResticWrongPasswordException => (StatusCodes.Status502BadGateway, "The server's password for this repository does not open it."),
        ResticRepositoryNotFoundException => (StatusCodes.Status502BadGateway, "The repository is not at its registered location."),
        ResticTimeoutException => (StatusCodes.Status504GatewayTimeout, "The repository's storage did not answer in time."),
        ResticException r => (StatusCodes.Status502BadGateway, r.Message),
        _ => null,
    };
}
