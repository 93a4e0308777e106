using Restic.Net.Execution;

namespace Restic.Net;

/// <summary>Validation and rendering shared by the typed backend records.</summary>
internal static class BackendSettings
{
    /// <summary>A value that must be present, without NUL, whitespace or the given characters.</summary>
    public static void Token(string? value, string name, string what, string forbidden = "")
    {
        Guard.NotNullOrEmptyNoNul(value, name);
        foreach (var c in value!)
        {
            if (char.IsWhiteSpace(c) || forbidden.Contains(c, StringComparison.Ordinal))
            {
                throw new ArgumentException($"{what} must not contain whitespace{(forbidden.Length > 0 ? " or any of '" + forbidden + "'" : string.Empty)}; got '{value}'.", name);
            }
        }
    }

    /// <summary>An optional value: no NUL, and no whitespace or quotes when it becomes part of a command restic splits itself.</summary>
    public static void CommandWord(string? value, string name, string what)
    {
        if (value is null)
        {
            return;
        }

        Guard.NotNullOrEmptyNoNul(value, name);
        if (value.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '\\'))
        {
            throw new ArgumentException(
                $"{what} must not contain whitespace, quotes or backslashes, because restic splits the command it runs at spaces; got '{value}'. Use a path without spaces (for example a symbolic link).",
                name);
        }
    }

    /// <summary>Sets a variable when the value is present.</summary>
    public static void Set(ResticEnvironment environment, string variable, string? value, string name)
    {
        if (value is null)
        {
            return;
        }

        Guard.NoNul(value, name);
        environment.Variables[variable] = value;
    }

    /// <summary>Adds <c>-o key=value</c> when the value is present.</summary>
    public static void Option(ResticEnvironment environment, string key, string? value, string name)
    {
        if (value is null)
        {
            return;
        }

        Guard.NotNullOrEmptyNoNul(value, name);
        environment.ExtendedOptions.Add($"{key}={value}");
    }

    /// <summary>The global TLS flags (<c>--cacert</c>, <c>--tls-client-cert</c>, <c>--insecure-tls</c>); all exist in restic 0.14.</summary>
    public static void Tls(ResticEnvironment environment, IReadOnlyList<string>? caCertificateFiles, string? clientCertificateFile, bool insecure)
    {
        Guard.Items(caCertificateFiles, "CaCertificateFiles");
        foreach (var file in caCertificateFiles ?? [])
        {
            environment.GlobalFlags.Add("--cacert=" + Path.GetFullPath(file));
        }

        if (clientCertificateFile is not null)
        {
            Guard.NotNullOrEmptyNoNul(clientCertificateFile, "ClientCertificateFile");
            environment.GlobalFlags.Add("--tls-client-cert=" + Path.GetFullPath(clientCertificateFile));
        }

        if (insecure)
        {
            environment.GlobalFlags.Add("--insecure-tls");
        }
    }

    /// <summary>Both or neither of a credential pair.</summary>
    public static void Pair(string? first, string firstName, string? second, string secondName)
    {
        if ((first is null) != (second is null))
        {
            throw new ArgumentException($"Set both {firstName} and {secondName}, or neither (to use credentials restic finds itself).", first is null ? firstName : secondName);
        }
    }

    /// <summary>An invalid setting of a backend record (named after the property or the parsed string).</summary>
    public static ArgumentException Invalid(string message, string name) => new(message, name);

    /// <summary>Splits <c>head:rest</c> at the first colon; null when there is none.</summary>
    public static (string Head, string Tail)? SplitColon(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : (text[..colon], text[(colon + 1)..]);
    }
}
