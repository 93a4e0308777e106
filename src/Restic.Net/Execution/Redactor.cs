using System.Text.RegularExpressions;

namespace Restic.Net.Execution;

/// <summary>
/// The one place that masks secrets in what the client prints: log lines, exception messages,
/// command lines and <c>ToString()</c>. It masks URL credentials, the values of <c>-o</c> options
/// and every secret value it was given.
/// </summary>
internal sealed partial class Redactor
{
    public const string Mask = "***";

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
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
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

    /// <summary>Replaces the password (or the whole user info when there is no separate password) in URLs.</summary>
    public static string RedactUrlCredentials(string text) =>
        UrlUserInfo().Replace(text, m => m.Groups["user"].Value + (m.Groups["password"].Success ? ":" + Mask : string.Empty) + "@");

    /// <summary>The password part of the first URL in <paramref name="location"/>, if any.</summary>
    public static string? GetUrlPassword(string location)
    {
        var match = UrlUserInfo().Match(location);
        return match.Success && match.Groups["password"].Success && match.Groups["password"].Value != Mask
            ? match.Groups["password"].Value
            : null;
    }

    // scheme://user:password@host — restic itself prints "***" in place of a REST password.
    [GeneratedRegex(@"(?<=[A-Za-z][A-Za-z0-9+.\-]*://)(?<user>[^:@/\s]*)(?::(?<password>[^@/\r\n]*))?@", RegexOptions.CultureInvariant)]
    private static partial Regex UrlUserInfo();
}
