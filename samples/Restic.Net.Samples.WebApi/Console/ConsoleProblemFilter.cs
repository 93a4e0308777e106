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
