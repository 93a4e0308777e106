namespace Restic.Net;

/// <summary>
/// The storage backend's TLS certificate could not be verified (restic: <c>x509: certificate signed by unknown
/// authority</c>, a certificate that is not valid for the host name, or an expired one). Trust a private CA or a
/// self-signed certificate with the repository record's <c>CaCertificateFiles</c> (restic's <c>--cacert</c>), or fix
/// the server's certificate; not transient. restic 0.18 retries this error for minutes; the client stops it at its first retry
/// notice and throws this exception (<see cref="ResticException.ExitCode"/> is then <see langword="null"/>). A native
/// SFTP read (Restic.Net.Repository) throws it for a host key the known-hosts files do not hold, or a changed or
/// revoked one: the server's identity, as a certificate's, could not be verified.
/// </summary>
public sealed class ResticBackendCertificateException : ResticCommandException
{
    internal ResticBackendCertificateException(string message, int? exitCode, string? commandLine, string? resticMessage, string? standardError)
        : base(message, exitCode, commandLine, resticMessage, standardError)
    {
    }
}
