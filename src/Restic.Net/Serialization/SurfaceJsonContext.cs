using System.Text.Json.Serialization;

namespace Restic.Net.Serialization;

/// <summary>
/// Source-generated metadata of the DTOs in SurfaceDtos.cs, with the same options as
/// <see cref="ResticJsonContext"/> (a second context keeps the two sets of commands apart).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(SnapshotDto))]
[JsonSerializable(typeof(NodeDto))]
[JsonSerializable(typeof(FindResultDto))]
[JsonSerializable(typeof(DiffChangeDto))]
[JsonSerializable(typeof(DiffStatisticsDto))]
[JsonSerializable(typeof(TagLineDto))]
[JsonSerializable(typeof(KeyDto[]))]
internal sealed partial class SurfaceJsonContext : JsonSerializerContext;
