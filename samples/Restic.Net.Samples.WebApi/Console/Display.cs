using System.Globalization;

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
    /// A file name as a person should read it: control characters (a newline, a tab, an escape) become their visible
    /// Unicode pictures (U+2400 onwards), so a name cannot break a line or fake another row. Markup needs nothing here:
    /// Razor encodes every value it writes.
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
