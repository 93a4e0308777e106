using System.Globalization;

namespace Restic.Net.CommandLines;

/// <summary>
/// restic's size syntax (<c>--max-unused</c>, <c>--read-data-subset</c>): a whole number of bytes with an optional
/// suffix <c>b</c>, <c>k</c>, <c>m</c>, <c>g</c> or <c>t</c> (either case, powers of 1024).
/// </summary>
internal static class ResticSize
{
    private static readonly (char Suffix, long Factor)[] Units = [('T', 1L << 40), ('G', 1L << 30), ('M', 1L << 20), ('K', 1L << 10)];

    /// <summary>The shortest exact form with a unit: <c>1G</c> for 1073741824, <c>1000B</c> for 1000.</summary>
    public static string Format(long bytes)
    {
        foreach (var (suffix, factor) in Units)
        {
            if (bytes != 0 && bytes % factor == 0)
            {
                return (bytes / factor).ToString(CultureInfo.InvariantCulture) + suffix;
            }
        }

        // restic's check refuses a bare number for a size (0.14-0.19, measured); "B" is accepted everywhere.
        return bytes.ToString(CultureInfo.InvariantCulture) + "B";
    }

    /// <summary>Parses digits with an optional unit; <paramref name="requireUnit"/> refuses a bare number as restic's check does.</summary>
    public static bool TryParse(ReadOnlySpan<char> value, bool requireUnit, out long bytes)
    {
        bytes = 0;
        if (value.IsEmpty)
        {
            return false;
        }

        long factor = char.ToUpperInvariant(value[^1]) switch
        {
            'B' => 1,
            'K' => 1L << 10,
            'M' => 1L << 20,
            'G' => 1L << 30,
            'T' => 1L << 40,
            _ => 0,
        };
        if (factor == 0 && requireUnit)
        {
            return false;
        }

        var digits = factor == 0 ? value : value[..^1];
        if (digits.IsEmpty || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        factor = Math.Max(factor, 1);
        if (number > long.MaxValue / factor)
        {
            return false;
        }

        bytes = number * factor;
        return true;
    }
}
