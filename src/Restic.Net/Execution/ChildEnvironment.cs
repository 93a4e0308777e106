using System.Collections;

namespace Restic.Net.Execution;

/// <summary>Builds restic's environment explicitly instead of inheriting the parent's secrets.</summary>
internal static class ChildEnvironment
{
    // Variables that restic or one of its backends reads as configuration or credentials.
    private static readonly string[] s_prefixes =
        ["RESTIC_", "AWS_", "B2_", "AZURE_", "GOOGLE_", "OS_", "ST_", "MINIO_", "RCLONE_", "SWIFT_"];

    // Names of variables that hold credentials (AWS_SECRET_ACCESS_KEY, B2_ACCOUNT_KEY, OS_PASSWORD, AZURE_ACCOUNT_SAS, ...).
    private static readonly string[] s_secretMarkers =
        ["KEY", "SECRET", "PASSWORD", "PASS", "TOKEN", "SAS", "CREDENTIAL", "AUTH"];

    /// <summary>
    /// The variables to set on the child: the explicit ones, plus a removal (null value) for every
    /// restic-related variable of the parent that is not set explicitly, unless inheritance is on.
    /// </summary>
    public static Dictionary<string, string?> Build(IReadOnlyDictionary<string, string?> explicitVariables, bool inherit)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (!inherit)
        {
            foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            {
                var name = (string)entry.Key;
                if (IsResticRelated(name))
                {
                    result[name] = null;
                }
            }
        }

        foreach (var (name, value) in explicitVariables)
        {
            result[name] = value;
        }

        return result;
    }

    /// <summary>Whether a variable's value is a credential that must never be shown.</summary>
    public static bool IsSecretName(string name)
    {
        foreach (var marker in s_secretMarkers)
        {
            if (name.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsResticRelated(string name)
    {
        foreach (var prefix in s_prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
