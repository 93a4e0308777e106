using System.Text.Json;

namespace Restic.Net.Benchmarks;

/// <summary>
/// The baseline every benchmark compares with: what a wrapper written the obvious way does —
/// <see cref="StreamReader.ReadLine"/> (a string per line) and reflection-based
/// <see cref="JsonSerializer.Deserialize{TValue}(string, JsonSerializerOptions?)"/> into its DTOs.
/// The options are created once, as any wrapper would (recreating them would be far slower still).
/// </summary>
internal static class Naive
{
    public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static StreamReader Open(byte[] output) => new(new MemoryStream(output, writable: false));

    public static T Deserialize<T>(string line) =>
        JsonSerializer.Deserialize<T>(line, Options) ?? throw new JsonException("null");
}
