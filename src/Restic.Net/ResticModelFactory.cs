namespace Restic.Net;

/// <summary>
/// Builds what code that uses <see cref="IResticClient"/> cannot build itself, for its tests: the
/// exceptions (their constructors are the client's, so that their messages stay consistent; each one built has
/// the base class and <see cref="ResticException.IsTransient"/> of the client's own). Every
/// result and event is a record with <c>init</c> properties: build it with an object initializer; a
/// streamed result is any <see cref="IAsyncEnumerable{T}"/>.
/// </summary>
/// <remarks>
/// How this class evolves (the Azure SDK rule): a method never gains a parameter. When a type gains
/// something to set, a new overload takes it, and the old one stays, hidden from IntelliSense
/// (<see cref="System.ComponentModel.EditorBrowsableAttribute"/>), so that compiled callers keep working.
/// </remarks>
public static class ResticModelFactory
{
    /// <summary>Builds a <see cref="ResticCommandException"/> (restic failed for a reason without a dedicated type; not transient).</summary>
    /// <param name="resticMessage">restic's message.</param>
    /// <param name="exitCode">The exit code.</param>
    /// <returns>The exception.</returns>
    public static ResticCommandException CommandException(string resticMessage = "Fatal: failed", int exitCode = 1) =>
        new($"restic failed with exit code {exitCode}: {resticMessage}", exitCode, "restic", resticMessage, resticMessage);

    /// <summary>Builds a <see cref="ResticSnapshotNotFoundException"/> (no snapshot matched the reference).</summary>
    /// <param name="snapshot">The snapshot reference that matched nothing.</param>
    /// <returns>The exception.</returns>
    public static ResticSnapshotNotFoundException SnapshotNotFoundException(string snapshot = "deadbeef") =>
        new($"restic failed with exit code 1: Fatal: no matching ID found for prefix \"{snapshot}\"", 1, "restic", $"Fatal: no matching ID found for prefix \"{snapshot}\"", null);

    /// <summary>Builds a <see cref="ResticPathNotFoundException"/> (the snapshot has no such file or folder).</summary>
    /// <param name="path">The path inside the snapshot.</param>
    /// <returns>The exception.</returns>
    public static ResticPathNotFoundException PathNotFoundException(string path = "/missing") =>
        new(path, $"restic dump failed with exit code 1: Fatal: cannot dump file: path \"{path}\" not found in snapshot", 1, "restic dump", $"Fatal: cannot dump file: path \"{path}\" not found in snapshot", null);

    /// <summary>Builds a <see cref="ResticRepositoryIntegrityException"/> (a native read found a damaged file).</summary>
    /// <param name="fileName">The file inside the repository.</param>
    /// <returns>The exception.</returns>
    public static ResticRepositoryIntegrityException RepositoryIntegrityException(string fileName = "index/0000000000000000000000000000000000000000000000000000000000000000") =>
        new(fileName, "its MAC does not match (the file was changed or damaged).");

    /// <summary>Builds a <see cref="ResticRepositoryChangedException"/> (a native read found a file gone; transient).</summary>
    /// <param name="fileName">The file inside the repository.</param>
    /// <returns>The exception.</returns>
    public static ResticRepositoryChangedException RepositoryChangedException(string fileName = "data/00/0000000000000000000000000000000000000000000000000000000000000000") =>
        new(fileName);

    /// <summary>Builds a <see cref="ResticWrongPasswordException"/>.</summary>
    /// <param name="exitCode">The exit code: 12 on restic 0.17.1+, 1 before.</param>
    /// <returns>The exception.</returns>
    public static ResticWrongPasswordException WrongPasswordException(int exitCode = 12) =>
        new($"restic failed with exit code {exitCode}: Fatal: wrong password or no key found", exitCode, "restic", "Fatal: wrong password or no key found", null);

    /// <summary>Builds a <see cref="ResticRepositoryNotFoundException"/>.</summary>
    /// <param name="exitCode">The exit code: 10 on restic 0.17+, 1 before.</param>
    /// <returns>The exception.</returns>
    public static ResticRepositoryNotFoundException RepositoryNotFoundException(int exitCode = 10) =>
        new($"restic failed with exit code {exitCode}: Fatal: repository does not exist", exitCode, "restic", "Fatal: repository does not exist", null);

    /// <summary>Builds a <see cref="ResticRepositoryAlreadyExistsException"/>.</summary>
    /// <returns>The exception.</returns>
    public static ResticRepositoryAlreadyExistsException RepositoryAlreadyExistsException() =>
        new("restic init failed with exit code 1: Fatal: create repository at /repo failed: config file already exists", 1, "restic init", "Fatal: create repository at /repo failed: config file already exists", null);

    /// <summary>Builds a <see cref="ResticRepositoryLockedException"/> (transient).</summary>
    /// <param name="lockHolder">Who holds the lock, as restic names it (<c>PID 42 on host by user</c>).</param>
    /// <param name="exitCode">The exit code: 11 on restic 0.17+, 1 before.</param>
    /// <returns>The exception.</returns>
    public static ResticRepositoryLockedException RepositoryLockedException(string? lockHolder = null, int exitCode = 11) =>
        new($"restic failed with exit code {exitCode}: repository is already locked", exitCode, "restic", "repository is already locked by " + lockHolder, null, lockHolder);

    /// <summary>Builds a <see cref="ResticBackendAccessDeniedException"/> (the storage backend refused the credentials).</summary>
    /// <param name="resticMessage">restic's message.</param>
    /// <param name="exitCode">The exit code, or <see langword="null"/> when the client stopped restic at its retry notice.</param>
    /// <returns>The exception.</returns>
    public static ResticBackendAccessDeniedException BackendAccessDeniedException(
        string resticMessage = "Fatal: unable to open config file: Stat: Access Denied.", int? exitCode = 1) =>
        new($"restic failed: {resticMessage}", exitCode, "restic", resticMessage, resticMessage);

    /// <summary>Builds a <see cref="ResticBackendCertificateException"/> (the backend's TLS certificate could not be verified).</summary>
    /// <param name="resticMessage">restic's message.</param>
    /// <param name="exitCode">The exit code, or <see langword="null"/> when the client stopped restic at its retry notice.</param>
    /// <returns>The exception.</returns>
    public static ResticBackendCertificateException BackendCertificateException(
        string resticMessage = "Fatal: unable to open config file: x509: certificate signed by unknown authority", int? exitCode = 1) =>
        new($"restic failed: {resticMessage}", exitCode, "restic", resticMessage, resticMessage);

    /// <summary>Builds a <see cref="ResticBackendUnreachableException"/> (connection refused or unknown host while opening the repository; transient).</summary>
    /// <param name="resticMessage">restic's message.</param>
    /// <param name="exitCode">The exit code, or <see langword="null"/> when the client stopped restic at its retry notice.</param>
    /// <returns>The exception.</returns>
    public static ResticBackendUnreachableException BackendUnreachableException(
        string resticMessage = "Fatal: unable to open config file: dial tcp 127.0.0.1:8000: connect: connection refused", int? exitCode = null) =>
        new($"restic failed: {resticMessage}", exitCode, "restic", resticMessage, resticMessage);

    /// <summary>Builds a <see cref="ResticNotSupportedException"/>.</summary>
    /// <param name="feature">The feature.</param>
    /// <param name="installedVersion">The installed restic.</param>
    /// <param name="requiredVersion">The first restic that has the feature.</param>
    /// <returns>The exception.</returns>
    public static ResticNotSupportedException NotSupportedException(string feature, Version installedVersion, Version requiredVersion) =>
        new(feature, installedVersion, requiredVersion);

    /// <summary>Builds a <see cref="ResticOutputException"/>.</summary>
    /// <param name="message">What could not be read.</param>
    /// <param name="outputLine">The output restic printed.</param>
    /// <returns>The exception.</returns>
    public static ResticOutputException OutputException(string message = "restic printed output that could not be read.", string? outputLine = null) =>
        new(message, 0, "restic", null, null, outputLine);

    /// <summary>Builds a <see cref="ResticTimeoutException"/> (transient).</summary>
    /// <param name="timeout">The no-progress timeout that expired.</param>
    /// <returns>The exception.</returns>
    public static ResticTimeoutException TimeoutException(TimeSpan timeout) =>
        new($"restic made no progress for {timeout} and was stopped.", null, "restic", null, timeout);

    /// <summary>Builds a <see cref="ResticBinaryNotFoundException"/>.</summary>
    /// <param name="binaryPath">The executable that could not be started.</param>
    /// <returns>The exception.</returns>
    public static ResticBinaryNotFoundException BinaryNotFoundException(string binaryPath = "restic") =>
        new(binaryPath, new System.ComponentModel.Win32Exception(2, "No such file or directory"));
}
