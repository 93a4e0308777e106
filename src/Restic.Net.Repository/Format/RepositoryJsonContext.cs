using System.Text.Json.Serialization;

namespace Restic.Net.Repository.Format;

/// <summary>Source-generated metadata for the repository's own JSON documents: no reflection, AOT-safe; times as restic writes them (<see cref="Restic.Net.Serialization.ResticTime"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, Converters = [typeof(Restic.Net.Serialization.ResticTimeConverter)])]
[JsonSerializable(typeof(KeyFileDto))]
[JsonSerializable(typeof(MasterKeyDto))]
[JsonSerializable(typeof(TreeDto))]
internal sealed partial class RepositoryJsonContext : JsonSerializerContext;
