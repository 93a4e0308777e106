namespace Restic.Net.Failures;

/// <summary>
/// Recognises a storage backend that refuses restic for a reason retrying cannot fix: credentials or a client
/// certificate it rejects, or a server certificate restic cannot verify. The texts are restic's (and minio-go's, for
/// S3), recorded from restic 0.14.0 and 0.18.0 against moto with IAM authentication, rest-server with htpasswd and over
/// TLS, s3rver over TLS and <c>rclone serve restic</c> requiring a client certificate.
/// </summary>
internal static class BackendRejection
{
    /// <summary>restic's notice before it retries a backend request: <c>Stat(&lt;config/&gt;) returned error, retrying after 1.3s: ERROR</c>.</summary>
    private const string RetryNotice = " returned error, retrying after ";

    private static readonly string[] s_accessDenied =
    [
        "The AWS Access Key Id you provided does not exist in our records", // S3 InvalidAccessKeyId
        "The request signature we calculated does not match the signature you provided", // S3 SignatureDoesNotMatch (wrong secret key)
        "Access Denied", // S3 AccessDenied (a key without permission)
        "401 Unauthorized", // REST server: wrong user or password ("unexpected HTTP response (401): 401 Unauthorized"; 0.14 init: "server response unexpected: 401 Unauthorized (401)")
    ];

    // The server's TLS alert about the client certificate ("remote error" is what the peer sent).
    private static readonly string[] s_clientCertificate =
    [
        "remote error: tls: bad certificate", // rclone serve restic --client-ca, no or an unknown client certificate
        "remote error: tls: certificate required", // TLS 1.3 servers when no client certificate was sent
        "remote error: tls: unknown certificate authority",
    ];

    // Nothing listens, or the name does not resolve: Go's dial errors, the same on every restic version.
    private static readonly string[] s_unreachable =
    [
        "connect: connection refused",
        ": no such host",
        ": Connection refused", // ssh, for sftp: "ssh: connect to host 127.0.0.1 port 2222: Connection refused"
        "Could not resolve hostname", // ssh
    ];

    private static readonly string[] s_certificate =
    [
        "tls: failed to verify certificate", // Go 1.20+ (restic 0.16+)
        "x509: certificate", // signed by unknown authority, is valid for ... not ..., has expired, ...
    ];

    /// <summary>What kind of rejection the text reports, or <see cref="BackendRejectionKind.None"/>.</summary>
    public static BackendRejectionKind Classify(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return BackendRejectionKind.None;
        }

        if (s_clientCertificate.Any(t => text.Contains(t, StringComparison.Ordinal)))
        {
            return BackendRejectionKind.ClientCertificate;
        }

        if (s_certificate.Any(t => text.Contains(t, StringComparison.Ordinal)))
        {
            return BackendRejectionKind.Certificate;
        }

        if (s_accessDenied.Any(t => text.Contains(t, StringComparison.Ordinal)))
        {
            return BackendRejectionKind.AccessDenied;
        }

        return s_unreachable.Any(t => text.Contains(t, StringComparison.Ordinal)) ? BackendRejectionKind.Unreachable : BackendRejectionKind.None;
    }

    /// <summary>The rejection a retry notice reports; <see cref="BackendRejectionKind.None"/> for other lines and other errors.</summary>
    public static BackendRejectionKind ClassifyRetryNotice(string line, out string error)
    {
        error = string.Empty;
        var at = line.IndexOf(RetryNotice, StringComparison.Ordinal);
        if (at < 0)
        {
            return BackendRejectionKind.None;
        }

        // "... retrying after 1.339583384s: ERROR": the error follows the first ": " after the delay.
        var colon = line.IndexOf(": ", at + RetryNotice.Length, StringComparison.Ordinal);
        error = colon < 0 ? line[(at + RetryNotice.Length)..] : line[(colon + 2)..];
        var kind = Classify(error);

        // An unreachable backend is given up only while restic opens the repository (its config): an outage
        // in the middle of a long backup is left to restic's retries, which may outlast a server restart.
        return kind == BackendRejectionKind.Unreachable && !line.Contains("(<config/", StringComparison.Ordinal) ? BackendRejectionKind.None : kind;
    }

    /// <summary>What the caller should do, appended to the exception's message.</summary>
    public static string Advice(BackendRejectionKind kind) => kind switch
    {
        BackendRejectionKind.AccessDenied =>
            "The storage backend refused the credentials or denied access: check them on the repository record " +
            "(S3: AccessKeyId, SecretAccessKey; REST: User, Password) and their permissions; retrying does not help.",
        BackendRejectionKind.ClientCertificate =>
            "The server refused the TLS client certificate: set ClientCertificateFile (restic --tls-client-cert) to a certificate " +
            "and key in one PEM file that the server accepts; retrying does not help.",
        BackendRejectionKind.Certificate =>
            "The backend's TLS certificate could not be verified: trust its CA with CaCertificateFiles (restic --cacert) " +
            "or fix the server's certificate; retrying does not help.",
        BackendRejectionKind.Unreachable =>
            "The storage backend could not be reached (nothing accepted the connection, or the host name is unknown): " +
            "check that the server runs and that the repository address is right.",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The typed exception for a rejection.</summary>
    public static ResticException CreateException(
        BackendRejectionKind kind, string message, int? exitCode, string? commandLine, string? resticMessage, string? standardError) => kind switch
    {
        BackendRejectionKind.AccessDenied or BackendRejectionKind.ClientCertificate => new ResticBackendAccessDeniedException(message, exitCode, commandLine, resticMessage, standardError),
        BackendRejectionKind.Certificate => new ResticBackendCertificateException(message, exitCode, commandLine, resticMessage, standardError),
        BackendRejectionKind.Unreachable => new ResticBackendUnreachableException(message, exitCode, commandLine, resticMessage, standardError),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
