using System.Text;
using System.Text.Json;
using Restic.Net.Serialization;

namespace Restic.Net.Tests.Serialization;

/// <summary>
/// The timestamp reader agrees with System.Text.Json's wherever that one answers, and also reads what it refuses:
/// every time restic writes (years 0 to 9999, offsets up to ±23:59).
/// </summary>
public class ResticTimeTests
{
    [Theory]
    [InlineData("2026-11-26T15:09:12.203750493Z")]
    [InlineData("2026-11-26T15:09:12.2037504Z")]
    [InlineData("2026-11-26T15:09:12.99999999Z")]
    [InlineData("2026-11-26T15:09:12.999999999+01:00")]
    [InlineData("2024-01-02T03:04:05Z")]
    [InlineData("2024-02-29T23:59:59.5-07:30")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59.9999999Z")]
    [InlineData("2021-06-01T10:00:00+14:00")]
    [InlineData("2021-06-01T10:00:00.1-00:00")]
    public void TryParse_RecordedShapes_EqualsTheSerializer(string text)
    {
        Assert.True(ResticTime.TryParse(Encoding.UTF8.GetBytes(text), out var value));
        var expected = JsonSerializer.Deserialize<DateTimeOffset>($"\"{text}\"");
        Assert.Equal(expected, value);
        Assert.Equal(expected.Offset, value.Offset);
    }

    [Fact]
    public void TryParse_RandomTimestamps_EqualTheSerializer()
    {
        var random = new Random(8);
        for (var i = 0; i < 5000; i++)
        {
            var time = new DateTime(random.NextInt64(DateTime.MinValue.Ticks + TimeSpan.TicksPerDay, DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay));
            var digits = random.Next(0, 10);
            var fraction = digits == 0 ? "" : "." + random.NextInt64(0, (long)Math.Pow(10, digits)).ToString(new string('0', digits), System.Globalization.CultureInfo.InvariantCulture);
            var offset = random.Next(3) switch
            {
                0 => "Z",
                1 => "+" + random.Next(0, 14).ToString("00", System.Globalization.CultureInfo.InvariantCulture) + ":" + random.Next(0, 60).ToString("00", System.Globalization.CultureInfo.InvariantCulture),
                _ => "-" + random.Next(0, 14).ToString("00", System.Globalization.CultureInfo.InvariantCulture) + ":30",
            };
            var text = time.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + fraction + offset;
            Assert.True(ResticTime.TryParse(Encoding.UTF8.GetBytes(text), out var value), text);
            Assert.Equal(JsonSerializer.Deserialize<DateTimeOffset>($"\"{text}\""), value);
        }
    }

    [Theory]
    [InlineData("2026-11-26T15:09:12")] // no offset: the serializer assumes local time
    [InlineData("2026-11-26 15:09:12Z")]
    [InlineData("2026-11-26T15:09:12.Z")]
    [InlineData("2026-11-26T15:09:12.1234567890Z")] // more than Go prints
    [InlineData("2026-13-26T15:09:12Z")]
    [InlineData("2026-02-30T15:09:12Z")]
    [InlineData("0000-02-30T15:09:12Z")]
    [InlineData("2026-11-26T24:00:00Z")]
    [InlineData("2026-11-26T15:09:12+0100")]
    [InlineData("2026-11-26T15:09:12+24:00")] // Go refuses to write an offset of a day or more
    [InlineData("2026-11-26T15:09:12+01:60")]
    [InlineData("10000-01-01T00:00:00Z")]
    [InlineData("yesterday")]
    public void TryParse_OtherShapes_AreLeftToTheSerializer(string text) =>
        Assert.False(ResticTime.TryParse(Encoding.UTF8.GetBytes(text), out _));

    /// <summary>
    /// What restic writes and <see cref="DateTimeOffset"/> cannot hold exactly (recorded from restic 0.19.1: a file
    /// whose mtime is 0001-01-01T00:00:00Z backed up with TZ=America/St_Johns, Asia/Tokyo and Asia/Manila, whose
    /// local mean times are −3:30:52, +9:18:59 and −15:56:00, and --time at the ends of the calendar).
    /// </summary>
    [Theory]
    [InlineData("0000-12-31T20:29:08-03:30", "0001-01-01T00:00:00+00:00")] // before the first instant: MinValue
    [InlineData("0000-12-31T08:03:52-15:56", "0001-01-01T00:00:00+00:00")]
    [InlineData("0001-01-01T09:18:59+09:18", "0001-01-01T09:18:59+09:18")] // the offset drops LMT's seconds: 59 s after the first instant
    [InlineData("0000-01-01T00:00:00Z", "0001-01-01T00:00:00+00:00")]
    [InlineData("0000-02-29T12:00:00.5Z", "0001-01-01T00:00:00+00:00")] // year 0 is a leap year, as in Go
    [InlineData("9999-12-31T23:59:59-03:30", "9999-12-31T23:59:59.9999999+00:00")] // after the last instant: MaxValue
    [InlineData("9999-12-31T23:59:59.999999999-00:01", "9999-12-31T23:59:59.9999999+00:00")]
    [InlineData("0001-01-01T00:00:00-03:30", "0001-01-01T00:00:00-03:30")] // representable: the offset is kept
    [InlineData("9999-12-31T23:59:59+08:00", "9999-12-31T23:59:59+08:00")]
    [InlineData("0000-12-31T23:00:00-02:00", "0001-01-01T01:00:00+00:00")] // local time in year 0: in UTC
    [InlineData("9999-12-31T23:30:00+01:00", "9999-12-31T23:30:00+01:00")]
    [InlineData("1800-05-31T08:03:52-15:56", "1800-05-31T23:59:52+00:00")] // an offset beyond ±14:00: in UTC
    [InlineData("2024-06-01T00:00:00+23:59", "2024-05-31T00:01:00+00:00")]
    [InlineData("2024-06-01T00:00:00-14:00", "2024-06-01T00:00:00-14:00")]
    public void TryParse_TimesADateTimeOffsetCannotHold_AreClampedOrGivenInUtc(string text, string expected)
    {
        Assert.True(ResticTime.TryParse(Encoding.UTF8.GetBytes(text), out var value), text);
        var exact = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(exact, value);
        Assert.Equal(exact.Offset, value.Offset);
    }

    [Fact]
    public void The_bounds_are_DateTimeOffsets_own()
    {
        Assert.True(ResticTime.TryParse("0000-12-31T20:29:08-03:30"u8, out var min));
        Assert.Equal(DateTimeOffset.MinValue, min);
        Assert.True(ResticTime.TryParse("9999-12-31T23:59:59-03:30"u8, out var max));
        Assert.Equal(DateTimeOffset.MaxValue, max);
    }

    [Theory]
    [InlineData("\"0000-12-31T20:29:08-03:30\"", "0001-01-01T00:00:00+00:00")]
    [InlineData("\"0000-12-31T20:29:08\\u002d03:30\"", "0001-01-01T00:00:00+00:00")] // escaped: another writer's JSON
    [InlineData("\"1800-05-31T08:03:52-15:56\"", "1800-05-31T23:59:52+00:00")]
    [InlineData("\"2024-01-02T03:04:05+01:00\"", "2024-01-02T03:04:05+01:00")]
    [InlineData("\"2024-01-02T03:04:05.123+01:00\"", "2024-01-02T03:04:05.123+01:00")]
    [InlineData("\"2024-01-02T03:04\"", "2024-01-02T03:04:00+00:00")] // not restic's shape: as the default converter reads it
    public void The_converter_reads_every_time_restic_writes(string json, string expected)
    {
        var options = new JsonSerializerOptions { Converters = { new ResticTimeConverter() } };
        var exact = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
        var value = JsonSerializer.Deserialize<DateTimeOffset>(json, options);
        Assert.Equal(exact, value);
        Assert.Equal(exact.Offset, value.Offset);
        Assert.Equal(exact, JsonSerializer.Deserialize<DateTimeOffset?>(json, options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateTimeOffset>("\"yesterday\"", options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateTimeOffset>("42", options));
    }

    [Fact]
    public void Snapshot_and_summary_DTOs_of_the_CLI_path_read_a_year_0_time()
    {
        // restic snapshots --json of a snapshot taken with --time "0001-01-01 00:00:00" in Asia/Tokyo.
        var json = """[{"time":"0001-01-01T00:00:00+09:18","tree":"7d2143a8cb41b773463448857f36d175e5bce436f10be25a0ef6e08cb8159076","paths":["/src"],"hostname":"h","username":"u","summary":{"backup_start":"0000-12-31T23:00:00-02:00","backup_end":"9999-12-31T23:59:59-03:30","files_new":1},"id":"183f08ca11e5f21a7fe8175bbc33b89192854325b024583f07ac9429bb2b86a8"}]""";
        var snapshot = Projections.ToSnapshot(JsonSerializer.Deserialize(json, ResticJsonContext.Default.SnapshotDtoArray)![0]);
        Assert.Equal(DateTimeOffset.MinValue, snapshot.Time);
        Assert.Equal(new DateTimeOffset(1, 1, 1, 1, 0, 0, TimeSpan.Zero), snapshot.Summary!.BackupStart);
        Assert.Equal(DateTimeOffset.MaxValue, snapshot.Summary.BackupEnd);
    }
}
