using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Restic.Net.Samples.WebApi.Security;

namespace Restic.Net.Samples.WebApi.Console;

/// <summary>
/// The console's sign-in: an API key, entered once, becomes an HttpOnly, SameSite=Strict session cookie carrying the
/// key's name and roles (never the key). The console's pages and downloads accept only that cookie, and the API only
/// the <c>X-Api-Key</c> header, so a cookie can never call the API from another site and a key is never stored in
/// the browser. The same three roles as the API, enforced by the server on every page and action.
/// </summary>
internal static class ConsoleSecurity
{
    public const string Scheme = "Console";
    public const string CookieName = "restic-console";
    public const string ViewerPolicy = "console-viewer";
    public const string OperatorPolicy = "console-operator";
    public const string AdminPolicy = "console-admin";

    /// <summary>How long a session lasts without use.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(8);

    public static void AddConsoleCookie(this Microsoft.AspNetCore.Authentication.AuthenticationBuilder authentication) =>
        authentication.AddCookie(Scheme, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure whenever the console is served over HTTPS
            o.Cookie.Path = ConsolePaths.Root;
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;
            o.LoginPath = ConsolePaths.SignIn;
            o.LogoutPath = ConsolePaths.SignOut;
            o.AccessDeniedPath = ConsolePaths.Denied;
            o.ReturnUrlParameter = "returnUrl";
        });

    public static AuthorizationBuilder AddConsolePolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(ViewerPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireRole(RoleSets.Viewers))
        .AddPolicy(OperatorPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireRole(RoleSets.Operators))
        .AddPolicy(AdminPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireRole(RoleSets.Admins));

    /// <summary>Whether the signed-in user may start backups and checks (the pages hide the controls otherwise).</summary>
    public static bool IsOperator(this System.Security.Claims.ClaimsPrincipal user) => RoleSets.Operators.Any(user.IsInRole);

    /// <summary>Whether the signed-in user may restore, prune, unlock and rotate keys.</summary>
    public static bool IsAdmin(this System.Security.Claims.ClaimsPrincipal user) => RoleSets.Admins.Any(user.IsInRole);
}
