using System.Globalization;
using Microsoft.AspNetCore.Html;

namespace Restic.Net.Samples.WebApi.Console;

/// <summary>How the console writes sizes, times and ages: the same way on every page, in the invariant culture.</summary>
internal static class Display
{
    private static readonly string[] s_units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

    public static string Size(long? bytes)
    {
        if (bytes is not { } value)
        {
            return string.Empty;
        }

        double size = value;
        var unit = 0;
        while (size >= 1024 && unit < s_units.Length - 1)
        {
            size /= 1024;
            unit++;
        }

        return unit == 0 ? value.ToString("N0", CultureInfo.InvariantCulture) + " B" : size.ToString(size < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " " + s_units[unit];
    }

    /// <summary>
    /// A file name as a person should read it where no markup can go (a title, an attribute): control characters (a
    /// newline, a tab, an escape) become their visible Unicode pictures (U+2400 onwards), so a name cannot break a line
    /// or fake another row. Markup needs nothing here: Razor encodes every value it writes. Page text uses
    /// <see cref="NameHtml"/>.
    /// </summary>
    public static string Name(string name)
    {
        if (!name.Any(char.IsControl))
        {
            return name;
        }

        return string.Create(name.Length, name, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c < 0x20 ? (char)(0x2400 + c) : c == 0x7f ? '\u2421' : char.IsControl(c) ? '\ufffd' : c;
            }
        });
    }

    /// <summary>
    /// A file name as page text: like <see cref="Name"/>, but each control character is a small boxed label (LF, TAB,
    /// ESC…) titled with its code point, because few fonts draw Unicode's control pictures (most Linux desktops show a
    /// blank box). The rest is HTML-encoded like any value Razor writes.
    /// </summary>
    public static HtmlString NameHtml(string name)
    {
        // An immutable string: Razor moves a content builder's parts into the page, so one could be written only once.
        var encoder = System.Text.Encodings.Web.HtmlEncoder.Default;
        var html = new System.Text.StringBuilder(name.Length + 16);
        var start = 0;
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsControl(name[i]))
            {
                html.Append(encoder.Encode(name[start..i]))
                    .Append(CultureInfo.InvariantCulture, $"<span class=\"ctl\" title=\"U+{(int)name[i]:X4}\">{ControlLabel(name[i])}</span>");
                start = i + 1;
            }
        }

        return new HtmlString(html.Append(encoder.Encode(name[start..])).ToString());
    }

    private static readonly string[] s_controlNames =
    [
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR", "SO", "SI",
        "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
    ];

    private static string ControlLabel(char c) =>
        c < 0x20 ? s_controlNames[c] : c == 0x7f ? "DEL" : ((int)c).ToString("X2", CultureInfo.InvariantCulture);

    /// <summary>An id's first eight characters, as restic shows a lock's or a key's.</summary>
    public static string ShortId(string id) => id[..Math.Min(8, id.Length)];

    /// <summary>A time in UTC, sortable and unambiguous.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable form for a <c>&lt;time datetime&gt;</c> attribute.</summary>
    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string Age(TimeSpan age) => age switch
    {
        { TotalMinutes: < 1 } => "just now",
        { TotalHours: < 1 } => $"{(int)age.TotalMinutes} min ago",
        { TotalDays: < 2 } => $"{(int)age.TotalHours} h ago",
        _ => $"{(int)age.TotalDays} days ago",
    };
}
