namespace Restic.Net.Samples.WebApi.Console;

/// <summary>
/// The console's response headers: a Content-Security-Policy that allows script, style and connections from this
/// origin only and no inline script or style at all (a file name that slipped through as markup still could not
/// run), no framing, no MIME sniffing and no referrer (a snapshot path in a URL stays on this server).
/// </summary>
internal sealed class ContentSecurityPolicy(RequestDelegate next)
{
    public const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(ConsolePaths.Root, StringComparison.Ordinal))
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.CacheControl = "no-store"; // pages show backup contents: not kept by the browser or a proxy
        }

        return next(context);
    }
}
