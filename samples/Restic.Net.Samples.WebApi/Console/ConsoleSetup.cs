namespace Restic.Net.Samples.WebApi.Console;

/// <summary>
/// The web console in the API's process: Razor Pages under <c>/console</c> (server-rendered, no inline script), its
/// downloads, static assets under <c>/assets</c>, and its cookie sign-in. One start command, one database, one set
/// of keys and roles with the API (docs/design-decisions.md, "The web console").
/// </summary>
internal static class ConsoleSetup
{
    public static IServiceCollection AddResticConsole(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Console/Pages";
                o.Conventions.AuthorizeFolder("/", ConsoleSecurity.ViewerPolicy);
                o.Conventions.AllowAnonymousToPage("/SignIn");
            })
            .AddMvcOptions(o => o.Filters.Add<ConsoleProblemFilter>());
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "restic-console-antiforgery";
            o.Cookie.Path = ConsolePaths.Root;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddSingleton<ConsoleReads>();
        services.AddSingleton<ConsoleOverview>(); // started as a hosted service by Program, after the state database
        return services;
    }

    /// <summary>The console's security headers; before anything that answers a console URL.</summary>
    public static IApplicationBuilder UseResticConsoleHeaders(this IApplicationBuilder app) => app.UseMiddleware<ContentSecurityPolicy>();

    public static WebApplication MapResticConsole(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapConsoleDownloads();
        app.MapConsoleSearch();
        app.MapConsoleJobs();
        app.MapGet("/", () => Results.Redirect(ConsolePaths.Root)).ExcludeFromDescription();
        return app;
    }
}
