using System.Text.Json;
using System.Text.Json.Serialization;

namespace Restic.Net.Serialization;

/// <summary>
/// Reads every timestamp restic writes (<see cref="ResticTime"/>): years 0000 to 9999 and any offset Go
/// writes, where the default converter refuses what <see cref="DateTimeOffset"/> cannot hold exactly and so
/// failed a whole snapshot list or tree over one file's odd mtime. Other ISO 8601 shapes are read as the
/// default converter reads them.
/// </summary>
internal sealed class ResticTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (ResticTime.TryRead(ref reader, out var value) || (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out value)))
        {
            return value;
        }

        throw new JsonException($"Expected a timestamp, got {reader.TokenType}.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
