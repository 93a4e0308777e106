using Restic.Net.Execution;
using Restic.Net.Secrets;

namespace Restic.Net;

/// <summary>
/// A repository on a REST server (restic's rest-server or <c>rclone serve restic</c>): <c>rest:http[s]://host:port/path</c>.
/// </summary>
/// <remarks>
/// <see cref="UserName"/> and <see cref="Password"/> reach restic only as the user info of the <c>RESTIC_REPOSITORY</c>
/// variable (never on the command line), which every restic version reads; the password is masked as <c>***</c> when the repository is printed.
/// </remarks>
public sealed record RestRepository : ResticRepository
{
    private readonly Uri _url;

    /// <summary>Creates a REST repository.</summary>
    /// <param name="url">The server URL with the repository path, for example <c>https://backup.example.com:8000/host1/</c>. Put credentials in <see cref="UserName"/> and <see cref="Password"/>, not in the URL.</param>
    /// <exception cref="ArgumentException">The URL is not absolute http or https, or contains user info.</exception>
    public RestRepository(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"A REST repository needs an absolute http:// or https:// URL; got '{Redactor.RedactLocationCredentials(url.OriginalString)}'.", nameof(url));
        }

        if (url.UserInfo.Length > 0)
        {
            throw new ArgumentException("Put the REST credentials in the UserName and Password properties, not in the URL (ResticRepository.Parse splits them for you).", nameof(url));
        }

        if (url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            throw new ArgumentException("A REST repository URL must not have a query or fragment.", nameof(url));
        }

        _url = url;
    }

    /// <summary>The server URL with the repository path, without credentials.</summary>
    public Uri Url => _url;

    /// <summary>The HTTP basic authentication user, or null for a server without authentication.</summary>
    public string? UserName { get; init; }

    /// <summary>The HTTP basic authentication password (requires <see cref="UserName"/>); a secret, masked wherever the client prints text.</summary>
    public string? Password { get; init; }

    /// <summary>PEM files of certificate authorities to trust in addition to the system's (<c>--cacert</c>), for a server with a private CA or self-signed certificate; null for none.</summary>
    public IReadOnlyList<string>? CaCertificateFiles { get; init => field = ValueList<string>.Of(value); }

    /// <summary>A PEM file holding the TLS client certificate and its key (<c>--tls-client-cert</c>).</summary>
    public string? ClientCertificateFile { get; init; }

    /// <summary>Skips the TLS certificate check (<c>--insecure-tls</c>); for tests only.</summary>
    public bool InsecureTls { get; init; }

    /// <inheritdoc />
    internal override string ToResticLocation()
    {
        var userInfo = UserName is null
            ? string.Empty
            : Uri.EscapeDataString(UserName) + (Password is null ? string.Empty : ":" + Uri.EscapeDataString(Password)) + "@";
        return $"rest:{_url.Scheme}://{userInfo}{_url.Authority}{_url.AbsolutePath}";
    }

    /// <inheritdoc />
    internal override void ApplyTo(ResticEnvironment environment)
    {
        if (Password is not null && UserName is null)
        {
            throw BackendSettings.Invalid("RestRepository.Password requires UserName.", nameof(Password));
        }

        Guard.NoNul(UserName);
        Guard.NoNul(Password);
        base.ApplyTo(environment);
        BackendSettings.Tls(environment, CaCertificateFiles, ClientCertificateFile, InsecureTls);
    }

    /// <inheritdoc />
    internal override IEnumerable<string> GetSecrets() =>
        Password is { Length: > 0 } password ? [password, Uri.EscapeDataString(password)] : [];
}
