using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Restic.Net.Samples.WebApi.Console;

/// <summary>
/// A console page: when a handler fails with a refusal or a restic error, <see cref="ConsoleProblemFilter"/> renders
/// the page again with <see cref="Problem"/> set and the matching status, so a person reads why, not a stack trace.
/// </summary>
internal abstract class ConsolePageModel : PageModel
{
    /// <summary>Why the page could not show what was asked; null when it could.</summary>
    public string? Problem { get; set; }

    /// <summary>Refuses an action the user's role does not allow: the console's "Not allowed" page, as for a page.</summary>
    protected IActionResult Refuse() => Forbid(ConsoleSecurity.Scheme);
}
