using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Restic.Net.Samples.WebApi.Security;

namespace Restic.Net.Samples.WebApi.Console.Pages;

/// <summary>Exchanges an API key for the console's session cookie (<see cref="ConsoleSecurity"/>).</summary>
internal sealed class SignInModel(IOptionsMonitor<ApiKeyOptions> keys, ILogger<SignInModel> logger) : ConsolePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? key)
    {
        var identity = string.IsNullOrEmpty(key) ? null : keys.Get(ApiKeyAuthenticationHandler.SchemeName).Identify(key, ConsoleSecurity.Scheme);
        if (identity is null)
        {
            logger.LogWarning("Console sign-in refused: the key matches no configured API key.");
            Problem = "That key is not valid.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        logger.LogInformation("Console sign-in: {User}", identity.Name);
        await HttpContext.SignInAsync(ConsoleSecurity.Scheme, new ClaimsPrincipal(identity));
        HttpContext.Items[Auditing.AuditMiddleware.UserItem] = identity.Name; // the trail names who signed in, not "anonymous"

        // Only back into the console: a return URL elsewhere (another site, the API) is ignored.
        var local = ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith(ConsolePaths.Root, StringComparison.Ordinal);
        return LocalRedirect(local ? ReturnUrl! : ConsolePaths.Root);
    }
}
