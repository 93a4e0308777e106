namespace Restic.Net;

/// <summary>
/// The storage backend refused the credentials or denied access: an S3 access key id it does not know
/// (<c>InvalidAccessKeyId</c>), a wrong secret key (<c>SignatureDoesNotMatch</c>), a key without permission
/// on the bucket (<c>AccessDenied</c>), a REST server answering <c>401 Unauthorized</c>, an S3 server's 401 or 403 to a native read, or a server that refuses the
/// TLS client certificate or wants one (<c>remote error: tls: bad certificate</c>). Not transient: fix the
/// credentials on the repository record (or its <c>ClientCertificateFile</c>) or their permissions. restic 0.18 retries some of these
/// errors for minutes; the client stops it at its first retry notice and throws this exception
/// (<see cref="ResticException.ExitCode"/> is then <see langword="null"/>).
/// </summary>
public sealed class ResticBackendAccessDeniedException : ResticCommandException
{
    internal ResticBackendAccessDeniedException(string message, int? exitCode, string? commandLine, string? resticMessage, string? standardError)
        : base(message, exitCode, commandLine, resticMessage, standardError)
    {
    }
}
