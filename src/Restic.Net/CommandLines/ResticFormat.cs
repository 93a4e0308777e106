using System.Globalization;

namespace Restic.Net.CommandLines;

/// <summary>Formats values the way restic's flags expect them.</summary>
internal static class ResticFormat
{
    /// <summary>A Go duration such as <c>90s</c>.</summary>
    public static string Duration(TimeSpan value) =>
        Math.Ceiling(value.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";

    /// <summary>A time for <c>backup --time</c>: restic parses <c>2006-01-02 15:04:05</c> in local time.</summary>
    public static string Time(DateTimeOffset value) =>
        value.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);
}
