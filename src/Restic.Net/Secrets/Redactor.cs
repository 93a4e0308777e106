using System.Text;

namespace Restic.Net.Secrets;

/// <summary>
/// The one place that masks secrets in what the client prints: log lines, exception messages,
/// command lines and <c>ToString()</c>. It masks URL credentials, the values of <c>-o</c> options
/// and every secret value it was given.
/// </summary>
internal sealed class Redactor
{
    public const string Mask = "***";

    // A secret shorter than this is masked only as a whole token: masking every "a" of a message for a
    // one-letter password would garble the message and point at the password.
    private const int MinSubstringSecret = 8;

    // What ends a URL in free text.
    private static readonly System.Buffers.SearchValues<char> s_urlEnds = System.Buffers.SearchValues.Create(" \t\r\n\"'<>`");

    private readonly string[] _secrets;

    public Redactor(IEnumerable<string?> secrets) =>
        _secrets = secrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length).ToArray();

    public static Redactor None { get; } = new([]);

    /// <summary>A redactor that also masks <paramref name="secrets"/>.</summary>
    public Redactor With(IEnumerable<string?> secrets) => new(_secrets.Concat(secrets));

    /// <summary>Masks secrets and URL credentials in free text such as restic's stderr.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _secrets)
        {
            text = secret.Length >= MinSubstringSecret
                ? text.Replace(secret, Mask, StringComparison.Ordinal)
                : ReplaceTokens(text, secret);
        }

        return RedactUrlCredentials(text);
    }

    /// <summary>Renders an argv list for display: secrets masked, <c>-o</c> values masked, values with spaces quoted.</summary>
    public string FormatCommandLine(string binary, IReadOnlyList<string> arguments)
    {
        var parts = new List<string>(arguments.Count + 1) { Path.GetFileName(binary) };
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            var previous = i > 0 ? arguments[i - 1] : null;
            if (previous is "-o" or "--option" || argument.StartsWith("--option=", StringComparison.Ordinal))
            {
                // Extended options can carry credentials: keep the key, mask the value.
                var eq = argument.IndexOf('=', argument.StartsWith("--option=", StringComparison.Ordinal) ? "--option=".Length : 0);
                argument = eq < 0 ? argument : argument[..(eq + 1)] + Mask;
            }

            argument = Redact(argument);
            parts.Add(argument.Length == 0 || argument.Contains(' ', StringComparison.Ordinal) ? $"\"{argument}\"" : argument);
        }

        return string.Join(' ', parts);
    }

    /// <summary>
    /// Masks the password of every URL in <paramref name="text"/>: everything between <c>://</c> and the
    /// last <c>@</c> of the URL but the user name, whatever characters the password holds (an unencoded
    /// <c>/</c> or <c>@</c> too). A URL ends at white space or a quote. A user name without a password stays.
    /// </summary>
    public static string RedactUrlCredentials(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? result = null;
        var copied = 0;
        var from = 0;
        int separator;
        while ((separator = text.IndexOf("://", from, StringComparison.Ordinal)) >= 0)
        {
            from = separator + 3;
            if (FindUserInfo(text, separator) is not var (start, end))
            {
                continue;
            }

            from = end + 1;
            var colon = text.IndexOf(':', start, end - start);
            if (colon < 0 || text.AsSpan(colon + 1, end - colon - 1).SequenceEqual(Mask))
            {
                continue; // a user name alone, or already masked
            }

            result ??= new StringBuilder(text.Length);
            result.Append(text, copied, colon + 1 - copied).Append(Mask);
            copied = end;
        }

        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>
    /// Masks the password of a repository location that is one URL (not free text): everything between the
    /// first <c>:</c> after <c>://</c> and the last <c>@</c> of the string, whatever lies between (spaces,
    /// quotes, <c>/</c>, <c>#</c>, more <c>@</c>). A path holding '@' may be masked too: more, never less.
    /// </summary>
    public static string RedactLocationCredentials(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (FindLocationPassword(location) is not var (start, end))
        {
            return location;
        }

        return string.Concat(location.AsSpan(0, start), Mask, location.AsSpan(end));
    }

    /// <summary>The password of a location that is one URL, if any (as written, not decoded); see <see cref="RedactLocationCredentials"/>.</summary>
    public static string? GetUrlPassword(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return FindLocationPassword(location) is var (start, end) ? location[start..end] : null;
    }

    /// <summary>
    /// A URL password and, when it holds characters that end a part of a URL, the pieces between them (of
    /// three characters or more). restic splits an unencoded password where Go's URL parser does and prints
    /// the pieces on their own: "lookup PIECE: no such host", "invalid port \":PIECE\"".
    /// </summary>
    public static IEnumerable<string> UrlPasswordAndPieces(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return password.Split(s_urlPartEnds, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.Length >= 3)
            .Prepend(password)
            .Distinct(StringComparer.Ordinal);
    }

    // Characters at which Go's URL parser splits a location, or which it escapes when it quotes one.
    private static readonly char[] s_urlPartEnds = ['/', '?', '#', '@', ':', ' ', '"', '\'', '\\', '%', '[', ']', '\t'];

    // The password of a whole location: after the first ':' that follows "://", up to the last '@'.
    private static (int Start, int End)? FindLocationPassword(string location)
    {
        var separator = location.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0 || !char.IsAsciiLetterOrDigit(location[separator - 1]))
        {
            return null;
        }

        var start = separator + 3;
        var at = location.LastIndexOf('@');
        var colon = at < start ? -1 : location.IndexOf(':', start, at - start);
        if (colon < 0 || location.AsSpan(colon + 1, at - colon - 1).SequenceEqual(Mask))
        {
            return null; // no user info, a user name alone, or already masked
        }

        return (colon + 1, at);
    }

    // The user info of the URL whose "://" is at 'separator': from after it to the last '@' before the URL
    // ends (white space or a quote), so that a password with '/' or '@' is covered whole. Null without '@'.
    private static (int Start, int End)? FindUserInfo(string text, int separator)
    {
        if (separator == 0 || !char.IsAsciiLetterOrDigit(text[separator - 1]))
        {
            return null; // not scheme://
        }

        var start = separator + 3;
        var urlEnd = text.AsSpan(start).IndexOfAny(s_urlEnds);
        var length = urlEnd < 0 ? text.Length - start : urlEnd;
        if (length == 0)
        {
            return null;
        }

        var at = text.LastIndexOf('@', start + length - 1, length);
        return at < start ? null : (start, at);
    }

    // Replaces the occurrences of a short secret that stand alone: not inside a longer word or number.
    private static string ReplaceTokens(string text, string secret)
    {
        StringBuilder? result = null;
        var copied = 0;
        for (var at = text.IndexOf(secret, StringComparison.Ordinal); at >= 0; at = text.IndexOf(secret, at + secret.Length, StringComparison.Ordinal))
        {
            var end = at + secret.Length;
            var alone = (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end]));
            if (!alone)
            {
                continue;
            }

            result ??= new StringBuilder(text.Length);
            result.Append(text, copied, at - copied).Append(Mask);
            copied = end;
        }

        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }
}
