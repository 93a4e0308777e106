using Restic.Net.Samples.WebApi.Problems;

namespace Restic.Net.Samples.WebApi.Endpoints;

/// <summary>
/// Checks a job's input before it is queued, so that bad input is a 400 now rather than a failed
/// job later (Restic.Net checks the same again before restic starts).
/// </summary>
internal static class RequestChecks
{
    public static void SingleLine(string field, IReadOnlyList<string>? values)
    {
        foreach (var value in values ?? [])
        {
            if (string.IsNullOrWhiteSpace(value) || value.AsSpan().IndexOfAny('\n', '\r', '\0') >= 0)
            {
                throw ApiProblemException.Invalid(field, $"Each entry of {field} must be a non-empty single line.");
            }
        }
    }

    public static string SnapshotId(string? value)
    {
        if (value is null || !(value == "latest" || (value.Length is >= 4 and <= 64 && value.All(char.IsAsciiHexDigitLower))))
        {
            throw ApiProblemException.Invalid("snapshot_id", "snapshot_id must be 'latest' or a snapshot id (4 to 64 lower-case hex digits).");
        }

        return value;
    }
}
