using System.Collections;

namespace Restic.Net.Processes;

/// <summary>
/// Builds restic's environment from an allow-list instead of inheriting the parent's: restic gets the
/// variables a process needs to run (paths, locale, temp and cache folders, proxies, the ssh agent,
/// Go runtime tuning) plus what the options set, and nothing else — no <c>RESTIC_*</c>, no cloud
/// credentials, no unrelated secrets of the host application.
/// </summary>
internal static class ChildEnvironment
{
    // Inherited by name. Everything else of the parent is removed unless inheritance is on.
    private static readonly HashSet<string> s_allowed = new(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal)
    {
        "PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TMPDIR", "TMP", "TEMP",
        "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_RUNTIME_DIR", "SSH_AUTH_SOCK",
        "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "no_proxy", "all_proxy",
        "SSL_CERT_FILE", "SSL_CERT_DIR", "GOMAXPROCS", "GOGC", "GOMEMLIMIT", "GODEBUG",
        "SYSTEMROOT", "WINDIR", "COMSPEC", "PATHEXT", "USERPROFILE", "APPDATA", "LOCALAPPDATA", "PROGRAMDATA",
    };

    // Names of variables that hold credentials (AWS_SECRET_ACCESS_KEY, B2_ACCOUNT_KEY, OS_PASSWORD, AZURE_ACCOUNT_SAS, ...).
    private static readonly string[] s_secretMarkers =
        ["KEY", "SECRET", "PASSWORD", "PASS", "TOKEN", "SAS", "CREDENTIAL", "AUTH"];

    /// <summary>
    /// The variables to set on the child: the explicit ones, plus a removal (null value) for every
    /// variable of the parent that is not allow-listed, unless inheritance is on.
    /// </summary>
    public static Dictionary<string, string?> Build(IReadOnlyDictionary<string, string?> explicitVariables, bool inherit)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (!inherit)
        {
            foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            {
                var name = (string)entry.Key;
                if (!IsInherited(name))
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

    /// <summary>Whether a variable of the parent reaches restic without being set explicitly.</summary>
    public static bool IsInherited(string name) => s_allowed.Contains(name) || name.StartsWith("LC_", StringComparison.Ordinal);
}
