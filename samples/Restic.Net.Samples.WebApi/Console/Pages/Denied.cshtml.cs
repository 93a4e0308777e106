namespace Restic.Net.Samples.WebApi.Console.Pages;

/// <summary>Where the cookie scheme sends a signed-in user whose role does not allow a page or action (answered 403).</summary>
internal sealed class DeniedModel : ConsolePageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
