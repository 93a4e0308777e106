using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Restic.Net.Samples.WebApi.Console.Pages;

/// <summary>Ends the session (a POST with the antiforgery token: a link elsewhere cannot sign anyone out).</summary>
internal sealed class SignOutModel : ConsolePageModel
{
    public IActionResult OnGet() => LocalRedirect(ConsolePaths.Root);

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(ConsoleSecurity.Scheme);
        return LocalRedirect(ConsolePaths.SignIn);
    }
}
