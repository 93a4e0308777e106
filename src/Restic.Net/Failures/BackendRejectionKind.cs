namespace Restic.Net.Failures;

/// <summary>Why a storage backend refused restic, when retrying cannot help.</summary>
internal enum BackendRejectionKind
{
    /// <summary>Not a rejection the client recognises.</summary>
    None,

    /// <summary>Credentials refused or access denied (<see cref="ResticBackendAccessDeniedException"/>).</summary>
    AccessDenied,

    /// <summary>The server refused the TLS client certificate, or wanted one (<see cref="ResticBackendAccessDeniedException"/>).</summary>
    ClientCertificate,

    /// <summary>The server's TLS certificate could not be verified (<see cref="ResticBackendCertificateException"/>).</summary>
    Certificate,

    /// <summary>
    /// The backend could not be reached at all: connection refused, unknown host
    /// (<see cref="ResticBackendUnreachableException"/>). Acted on only while restic opens the repository.
    /// </summary>
    Unreachable,
}
