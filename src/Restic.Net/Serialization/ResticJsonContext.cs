using System.Text.Json.Serialization;

namespace Restic.Net.Serialization;

/// <summary>Source-generated serialization metadata for every wire DTO: no reflection, AOT-safe.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    AllowTrailingCommas = false,
    Converters = [typeof(SaturatingInt64Converter), typeof(ResticTimeConverter)])]
[JsonSerializable(typeof(VersionDto))]
[JsonSerializable(typeof(InitDto))]
[JsonSerializable(typeof(ConfigDto))]
[JsonSerializable(typeof(ExitErrorDto))]
[JsonSerializable(typeof(LockDto))]
[JsonSerializable(typeof(ErrorDto))]
[JsonSerializable(typeof(BackupStatusDto))]
[JsonSerializable(typeof(BackupVerboseStatusDto))]
[JsonSerializable(typeof(BackupSummaryDto))]
[JsonSerializable(typeof(RestoreStatusDto))]
[JsonSerializable(typeof(RestoreVerboseStatusDto))]
[JsonSerializable(typeof(SnapshotDto[]))]
[JsonSerializable(typeof(ForgetGroupDto[]))]
[JsonSerializable(typeof(SnapshotGroupDto[]))]
[JsonSerializable(typeof(StatsDto))]
[JsonSerializable(typeof(CheckSummaryDto))]
[JsonSerializable(typeof(SnapshotDto))]
[JsonSerializable(typeof(NodeDto))]
[JsonSerializable(typeof(FindResultDto))]
[JsonSerializable(typeof(DiffChangeDto))]
[JsonSerializable(typeof(DiffStatisticsDto))]
[JsonSerializable(typeof(TagLineDto))]
[JsonSerializable(typeof(KeyDto[]))]
internal sealed partial class ResticJsonContext : JsonSerializerContext;
