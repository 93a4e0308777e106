using System.Text.Json;
using System.Text.Json.Serialization;

namespace Restic.Net.Samples.WebApi.Endpoints;

/// <summary>
/// Enums as their snake_case names, read exactly: <c>"if_changed"</c> only. System.Text.Json's own string
/// converter also accepts <c>"IfChanged"</c>, <c>"IF_CHANGED"</c> and numbers, which a strict contract does not.
/// </summary>
internal sealed class ExactEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    /// <summary>The wire names of an enum's values, in declaration order.</summary>
    public static IReadOnlyList<string> NamesOf(Type enumType) =>
        [.. Enum.GetNames(enumType).Select(JsonNamingPolicy.SnakeCaseLower.ConvertName)];

    private sealed class Converter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private readonly Dictionary<string, T> _byName = Enum.GetValues<T>().ToDictionary(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()), StringComparer.Ordinal);
        private readonly Dictionary<T, string> _names = Enum.GetValues<T>().ToDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && _byName.TryGetValue(reader.GetString()!, out var value)
                ? value
                : throw new JsonException(); // System.Text.Json adds the path; the problem handler names the values

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(_names[value]);
    }
}
