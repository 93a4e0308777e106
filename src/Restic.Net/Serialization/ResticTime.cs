using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Restic.Net.Serialization;

/// <summary>
/// Reads every timestamp restic writes: Go's RFC 3339 (<c>time.Time</c>'s JSON) with up to 9 fractional
/// digits, <c>Z</c> or <c>±hh:mm</c>, years 0000 to 9999 (restic moves a node's year into that range before
/// it saves it) and offsets up to ±23:59 (the tz database's local mean times reach −15:56). Several times
/// faster than the general ISO 8601 reader; the fraction is truncated to 100 ns ticks.
/// </summary>
/// <remarks>
/// <see cref="DateTimeOffset"/> holds less than that: years 0001 to 9999 in UTC and in local time, offsets
/// up to ±14:00. A time it cannot hold is read, never refused, as follows:
/// <list type="bullet">
/// <item>an instant before 0001-01-01T00:00:00Z (year 0, or year 1 east of UTC) is <see cref="DateTimeOffset.MinValue"/>;</item>
/// <item>an instant after 9999-12-31T23:59:59.9999999Z (year 9999 west of UTC) is <see cref="DateTimeOffset.MaxValue"/>;</item>
/// <item>any other instant keeps its offset where <see cref="DateTimeOffset"/> can hold the offset and the local time,
/// and is given in UTC (offset zero) where it cannot (an offset beyond ±14:00, a local time in year 0 or 10000).</item>
/// </list>
/// </remarks>
internal static class ResticTime
{
    /// <summary>The 146,097 days of a 400-year cycle: year 0 (a leap year, as in Go) has the calendar of year 400.</summary>
    private const long TicksPer400Years = 146_097 * TimeSpan.TicksPerDay;

    private const long MaxRepresentableOffset = 14 * TimeSpan.TicksPerHour;

    /// <summary>A timestamp as restic writes it; false for anything else (no offset, another layout, an invalid date).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;

        // yyyy-MM-ddTHH:mm:ss, then an optional fraction, then the offset.
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
            !TryDigits(text.Slice(0, 4), out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day) ||
            !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second))
        {
            return false;
        }

        var position = 19;
        long fraction = 0;
        if (text[position] == '.')
        {
            var start = ++position;
            while (position < text.Length && IsDigit(text[position]))
            {
                if (position - start < 7)
                {
                    fraction = (fraction * 10) + (text[position] - '0');
                }

                position++;
            }

            var digits = position - start;
            if (digits is 0 or > 9)
            {
                return false;
            }

            for (var i = digits; i < 7; i++)
            {
                fraction *= 10;
            }
        }

        long offset;
        var rest = text[position..];
        if (rest is [(byte)'Z'])
        {
            offset = 0;
        }
        else if (rest is [(byte)'+' or (byte)'-', _, _, (byte)':', _, _] && TryDigits(rest.Slice(1, 2), out var offsetHours) && TryDigits(rest.Slice(4, 2), out var offsetMinutes) &&
            offsetHours <= 23 && offsetMinutes <= 59)
        {
            // Go refuses to write an offset of 24 hours or more; it writes any smaller one.
            offset = ((offsetHours * 60) + offsetMinutes) * TimeSpan.TicksPerMinute;
            offset = rest[0] == '-' ? -offset : offset;
        }
        else
        {
            return false;
        }

        var calendarYear = year == 0 ? 400 : year;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(calendarYear, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var local = new DateTime(calendarYear, month, day, hour, minute, second).Ticks + fraction - (year == 0 ? TicksPer400Years : 0);
        value = FromLocalTicks(local, offset);
        return true;
    }

    /// <summary>A JSON string holding a timestamp restic writes (escaped or not); false for anything else.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return TryParse(reader.ValueSpan, out value);
        }

        // Go never escapes a timestamp; another writer might. Timestamps are short: anything longer is not one.
        Span<byte> unescaped = stackalloc byte[64];
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        return length <= unescaped.Length && TryParse(unescaped[..reader.CopyString(unescaped)], out value);
    }

    /// <summary>
    /// The <see cref="DateTimeOffset"/> for a local clock time (ticks from 0001-01-01, negative in year 0) at
    /// an offset: the instant where it can be held (with the offset if possible), else the nearest bound.
    /// </summary>
    internal static DateTimeOffset FromLocalTicks(long localTicks, long offsetTicks)
    {
        var utc = localTicks - offsetTicks;
        if (utc < DateTime.MinValue.Ticks)
        {
            return DateTimeOffset.MinValue;
        }

        if (utc > DateTime.MaxValue.Ticks)
        {
            return DateTimeOffset.MaxValue;
        }

        return Math.Abs(offsetTicks) <= MaxRepresentableOffset && localTicks >= DateTime.MinValue.Ticks && localTicks <= DateTime.MaxValue.Ticks
            ? new DateTimeOffset(localTicks, new TimeSpan(offsetTicks))
            : new DateTimeOffset(utc, TimeSpan.Zero);
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var digit in digits)
        {
            if (!IsDigit(digit))
            {
                return false;
            }

            value = (value * 10) + (digit - '0');
        }

        return true;
    }
}
