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
        if (values is { Count: > Repositories.PathPolicy.MaxPaths })
        {
            throw ApiProblemException.Invalid(field, $"{field} has {values.Count} entries; at most {Repositories.PathPolicy.MaxPaths} are accepted.");
        }

        foreach (var value in values ?? [])
        {
            if (string.IsNullOrWhiteSpace(value) || value.AsSpan().IndexOfAny('\n', '\r', '\0') >= 0)
            {
                throw ApiProblemException.Invalid(field, $"Each entry of {field} must be a non-empty single line.");
            }
        }
    }

    public static SnapshotReference SnapshotId(string? value)
    {
        // A whole snapshot in restic's own spelling: no subfolder, no upper case.
        if (!SnapshotReference.TryParse(value, out var reference) || reference.ToString() != value)
        {
            throw ApiProblemException.Invalid("snapshot_id", "snapshot_id must be 'latest' or a snapshot id (4 to 64 lower-case hex digits).");
        }

        return reference;
    }
}
