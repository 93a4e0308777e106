namespace Restic.Net.Samples.WebApi.Problems;

/// <summary>
/// The original ops console's field and query names. They are refused (400) with the name that
/// replaced them, never accepted silently: an old client whose <c>keep_policy</c> was ignored would
/// have its snapshots pruned by a policy it never sent.
/// </summary>
internal static class LegacyFields
{
    private const string KeepFields = "the top-level fields keep_last, keep_hourly, keep_daily, keep_weekly, keep_monthly and keep_yearly (keep_policy.daily is keep_daily)";

    private static readonly Dictionary<string, string> s_replacements = new(StringComparer.Ordinal)
    {
        ["repository_path"] = "repository, the name the repository was registered under (POST /init or configuration)",
        ["source_paths"] = "paths",
        ["encrypted_password"] = "password_token (returned by POST /init) or password",
        ["keep_policy"] = KeepFields,
        ["policy"] = KeepFields,
        ["include_patterns"] = "include",
        ["target"] = "target_path",
        ["snapshot_id"] = "the snapshot id in the path: POST /restore/{snapshot_id}",
    };

    /// <summary>What replaced <paramref name="name"/>, if it is one of the original console's names.</summary>
    public static string? ReplacementFor(string name) => s_replacements.GetValueOrDefault(name);

    /// <summary>The message for a field or query parameter the endpoint does not take.</summary>
    public static string Unknown(string what, string name) => ReplacementFor(name) is { } replacement
        ? $"'{name}' is the original ops console's {what}; this API takes {replacement} instead."
        : $"Unknown {what} '{name}'.";
}
