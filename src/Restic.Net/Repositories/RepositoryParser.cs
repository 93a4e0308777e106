using System.Globalization;

namespace Restic.Net;

/// <summary>Turns restic repository strings into the typed records (see <see cref="ResticRepository.Parse"/>).</summary>
internal static class RepositoryParser
{
    public static ResticRepository? TryParseBackend(string location)
    {
        var scheme = BackendSettings.SplitColon(location);
        if (scheme is not var (name, rest))
        {
            return null;
        }

        return name switch
        {
            "rest" => ParseRest(location, rest),
            "sftp" => ParseSftp(rest),
            "s3" => ParseS3(rest),
            "b2" => BackendSettings.SplitColon(rest) is var (bucket, path) ? new B2Repository(bucket, path) : new B2Repository(rest),
            "azure" => ParseContainer(rest, "azure", "azure:container:/path", (c, p) => new AzureRepository(c, p)),
            "gs" => ParseContainer(rest, "gs", "gs:bucket:/path", (b, p) => new GcsRepository(b, p)),
            "swift" => ParseContainer(rest, "swift", "swift:container:/prefix", (c, p) => new SwiftRepository(c, p)),
            "rclone" => BackendSettings.SplitColon(rest) is var (remote, path) ? new RcloneRepository(remote, path) : new RcloneRepository(string.Empty, rest),
            _ => null,
        };
    }

    private static ResticRepository ParseRest(string location, string url)
    {
        // The authority ends at the first '/', '?' or '#', and the user info at its last '@', as Go's url.Parse
        // (and so restic) reads it: an unencoded '@' or space in the password is part of it. An unencoded '/',
        // '?' or '#' ends the authority early, so a later '@' means the split is a guess: restic would take part
        // of the password for the host and print it in its DNS error. Such a URL is refused, without echoing
        // any of it.
        string? user = null, password = null;
        var separator = url.IndexOf("://", StringComparison.Ordinal);
        if (separator > 0)
        {
            var start = separator + 3;
            var pathStart = url.IndexOfAny(['/', '?', '#'], start);
            var authority = pathStart < 0 ? url[start..] : url[start..pathStart];
            var at = authority.LastIndexOf('@');
            var atAfterAuthority = pathStart >= 0 && url.IndexOf('@', pathStart) >= 0;
            if (atAfterAuthority && (at >= 0 || !IsHostAndPort(authority)))
            {
                throw BackendSettings.Invalid(
                    "The REST URL's user info cannot be told from its host and path: its user name or password holds an unencoded '/', '?' or '#': " +
                    "percent-encode them (%2F, %3F, %23) and '@' (%40), or set RestRepository.UserName and Password.",
                    nameof(location));
            }

            if (at >= 0)
            {
                var userInfo = authority[..at];
                var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
                user = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
                password = colon < 0 ? null : Uri.UnescapeDataString(userInfo[(colon + 1)..]);
                url = url[..start] + authority[(at + 1)..] + (pathStart < 0 ? string.Empty : url[pathStart..]);
            }
        }

        // http+unix:// (restic 0.17) and other forms restic accepts but Uri does not: keep the string.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return new GenericRepository(location);
        }

        return new RestRepository(uri) { UserName = user, Password = password };
    }

    // host, host:port, [v6] or [v6]:port: what an authority without user info looks like.
    private static bool IsHostAndPort(string authority)
    {
        var colon = authority.LastIndexOf(':');
        if (colon < 0 || colon < authority.LastIndexOf(']'))
        {
            return true;
        }

        return colon < authority.Length - 1 && authority.AsSpan(colon + 1).IndexOfAnyExceptInRange('0', '9') < 0;
    }

    // sftp://[user@]host[:port]//abs/path, sftp://[user@]host[:port]/relative, sftp:[user@]host:path
    private static SftpRepository ParseSftp(string rest)
    {
        string authority, path;
        int? port = null;
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var slash = rest.IndexOf('/', 2);
            if (slash < 0 || slash == rest.Length - 1)
            {
                throw BackendSettings.Invalid($"An sftp:// repository needs a path after the host, such as 'sftp://user@host:22//srv/restic'; got 'sftp:{rest}'.", "location");
            }

            authority = rest[2..slash];
            path = rest[(slash + 1)..];
            var bracket = authority.LastIndexOf(']');
            var colon = authority.LastIndexOf(':');
            if (colon > bracket && colon > authority.LastIndexOf('@'))
            {
                port = int.TryParse(authority[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var p)
                    ? p
                    : throw BackendSettings.Invalid($"The port in 'sftp:{rest}' is not a number.", "location");
                authority = authority[..colon];
            }
        }
        else
        {
            var at = rest.LastIndexOf('@');
            var hostStart = at + 1;
            var colon = rest.IndexOf(':', rest.Length > hostStart && rest[hostStart] == '[' ? rest.IndexOf(']', hostStart) + 1 : hostStart);
            if (colon < 0)
            {
                throw BackendSettings.Invalid($"An sftp: repository has the form 'sftp:user@host:/path'; got 'sftp:{rest}'.", "location");
            }

            authority = rest[..colon];
            path = rest[(colon + 1)..];
        }

        var userEnd = authority.LastIndexOf('@');
        var user = userEnd < 0 ? null : authority[..userEnd];
        var host = authority[(userEnd + 1)..];
        return new SftpRepository(host, path) { UserName = user, Port = port };
    }

    // s3:host/bucket[/prefix] or s3:http(s)://host[:port]/bucket[/prefix]
    private static S3Repository ParseS3(string rest)
    {
        var schemeEnd = rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? rest.IndexOf("://", StringComparison.Ordinal) + 3
            : 0;
        if (schemeEnd == 0 && (rest.StartsWith("//", StringComparison.Ordinal) || rest.Contains("://", StringComparison.Ordinal)))
        {
            throw BackendSettings.Invalid($"An S3 repository has the form 's3:host/bucket/prefix' or 's3:https://host/bucket/prefix'; 's3://' would make restic read the bucket as the endpoint. Got 's3:{rest}'.", "location");
        }

        var parts = rest[schemeEnd..].Split('/', 3);
        if (parts.Length < 2 || parts[1].Length == 0)
        {
            throw BackendSettings.Invalid($"An S3 repository needs a bucket after the endpoint, such as 's3:s3.amazonaws.com/bucket'; got 's3:{rest}'.", "location");
        }

        return new S3Repository(rest[..schemeEnd] + parts[0], parts[1]) { Prefix = parts.Length > 2 && parts[2].Length > 0 ? parts[2] : null };
    }

    private static ResticRepository ParseContainer(string rest, string scheme, string form, Func<string, string, ResticRepository> create) =>
        BackendSettings.SplitColon(rest) is var (container, path) && path.Length > 0
            ? create(container, path)
            : throw BackendSettings.Invalid($"A {scheme}: repository needs a container and a path: '{form}' (use '/' for the root); got '{scheme}:{rest}'.", "location");
}
