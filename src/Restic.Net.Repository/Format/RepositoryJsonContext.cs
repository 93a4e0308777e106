using System.Text.Json.Serialization;

namespace Restic.Net.Repository.Format;

/// <summary>Source-generated metadata for the repository's own JSON documents: no reflection, AOT-safe.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(KeyFileDto))]
[JsonSerializable(typeof(MasterKeyDto))]
[JsonSerializable(typeof(TreeDto))]
internal sealed partial class RepositoryJsonContext : JsonSerializerContext;
