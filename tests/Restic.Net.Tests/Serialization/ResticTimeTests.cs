using System.Text;
using System.Text.Json;
using Restic.Net.Serialization;

namespace Restic.Net.Tests.Serialization;

/// <summary>The fast timestamp reader must agree with System.Text.Json's wherever it answers.</summary>
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
    [InlineData("2026-11-26T24:00:00Z")]
    [InlineData("2026-11-26T15:09:12+0100")]
    [InlineData("2026-11-26T15:09:12+15:00")]
    [InlineData("2026-11-26T15:09:12+14:30")]
    [InlineData("0001-01-01T00:00:00+01:00")] // before the first representable instant
    [InlineData("yesterday")]
    public void TryParse_OtherShapes_AreLeftToTheSerializer(string text) =>
        Assert.False(ResticTime.TryParse(Encoding.UTF8.GetBytes(text), out _));
}
