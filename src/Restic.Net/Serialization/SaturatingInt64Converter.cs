using System.Text.Json;
using System.Text.Json.Serialization;

namespace Restic.Net.Serialization;

/// <summary>
/// Reads restic's unsigned 64-bit counters into <see cref="long"/>: a value above <see cref="long.MaxValue"/>
/// (restic 0.14–0.15 printed garbage near 2^64 for some estimates) becomes <see cref="long.MaxValue"/>
/// instead of failing the line. Sizes and counts are <see cref="long"/> in the public API.
/// </summary>
internal sealed class SaturatingInt64Converter : JsonConverter<long>
{
    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetInt64(out var value))
            {
                return value;
            }

            if (reader.TryGetUInt64(out _))
            {
                return long.MaxValue;
            }
        }

        throw new JsonException($"Expected a whole number, got {reader.TokenType}.");
    }

    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
