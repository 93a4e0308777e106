using Restic.Net.Execution;
using Restic.Net.Secrets;

namespace Restic.Net;

/// <summary>
/// A repository location together with the settings restic needs to reach it. The location is
/// passed to restic through the child environment (<c>RESTIC_REPOSITORY</c>), never on the command line.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> is redacted: credentials in a URL are printed as <c>***</c>. The family is closed: only
/// this library derives from it (<see cref="LocalRepository"/>, <see cref="RestRepository"/>, … each sealed).
/// </remarks>
public abstract record ResticRepository
{
    private protected ResticRepository()
    {
    }

    /// <summary>The location with any credentials masked; safe to log.</summary>
    public string RedactedLocation => Redactor.RedactLocationCredentials(ToResticLocation());

    /// <summary>
    /// Parses a repository string as restic accepts it for <c>--repo</c>: a local path, <c>local:</c>,
    /// or any backend URL such as <c>sftp:user@host:/srv/repo</c> or <c>rest:https://host/repo</c>.
    /// </summary>
    /// <param name="location">The repository string.</param>
    /// <returns>
    /// A <see cref="LocalRepository"/> for local paths; <see cref="RestRepository"/>, <see cref="SftpRepository"/>,
    /// <see cref="S3Repository"/>, <see cref="B2Repository"/>, <see cref="AzureRepository"/>, <see cref="GcsRepository"/>,
    /// <see cref="SwiftRepository"/> or <see cref="RcloneRepository"/> for their schemes (credentials in a REST URL move to
    /// <see cref="RestRepository.UserName"/> and <see cref="RestRepository.Password"/>); a <see cref="GenericRepository"/> for any other scheme.
    /// </returns>
    /// <exception cref="ArgumentException">The string is empty, contains a NUL character, or is malformed for its backend (for example <c>gs:bucket</c> without a path).</exception>
    public static ResticRepository Parse(string location)
    {
        Guard.NotNullOrEmptyNoNul(location);
        if (location.StartsWith("local:", StringComparison.Ordinal))
        {
            return new LocalRepository(location["local:".Length..]);
        }

        if (RepositoryParser.TryParseBackend(location) is { } backend)
        {
            return backend;
        }

        var colon = location.IndexOf(':', StringComparison.Ordinal);
        var isWindowsDrive = colon == 1 && char.IsAsciiLetter(location[0]);
        return colon < 0 || isWindowsDrive || location.StartsWith('/') || location.StartsWith('.')
            ? new LocalRepository(location)
            : new GenericRepository(location);
    }

    /// <summary>The redacted location.</summary>
    /// <returns>The location with credentials masked.</returns>
    public sealed override string ToString() => RedactedLocation;

    /// <summary>The location string restic receives; may contain credentials.</summary>
    internal abstract string ToResticLocation();

    /// <summary>Adds what restic needs for this backend: the location, credentials and <c>-o</c> options.</summary>
    internal virtual void ApplyTo(ResticEnvironment environment) =>
        environment.Variables["RESTIC_REPOSITORY"] = ToResticLocation();

    /// <summary>Secret values (passwords in URLs, keys) that must be masked wherever restic's output is shown.</summary>
    internal virtual IEnumerable<string> GetSecrets()
    {
        var password = Redactor.GetUrlPassword(ToResticLocation());
        return password is null ? [] : Redactor.UrlPasswordAndPieces(password);
    }
}
