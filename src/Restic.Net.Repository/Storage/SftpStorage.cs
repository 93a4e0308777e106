using System.Net.Sockets;
using Renci.SshNet;
using Renci.SshNet.Common;
using Restic.Net.Execution;

namespace Restic.Net.Repository.Storage;

/// <summary>
/// A repository on an SFTP server, read with SSH.NET over one SSH session (SFTP requests carry ids, so the reader's
/// parallel reads share it): a directory listing per folder, open, read and close per file or range, in restic's
/// default layout below <see cref="SftpRepository.Path"/> (relative to the login folder unless absolute). It takes the
/// settings ssh would take from the repository (host, port, user, identity file, known-hosts file and host-key
/// checking, connect timeout) and nothing from <c>~/.ssh/config</c> or an agent. A refused key is
/// <see cref="ResticBackendAccessDeniedException"/>, a host key the known-hosts files do not vouch for
/// <see cref="ResticBackendCertificateException"/>, no connection <see cref="ResticBackendUnreachableException"/>, a
/// request past the timeout <see cref="ResticTimeoutException"/>. A connection lost between requests is opened again by
/// the next one.
/// </summary>
internal sealed class SftpStorage : RemoteStorage
{
    private readonly SftpClient _client;
    private readonly PrivateKeyFile _key;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private readonly SftpRepository _repository;
    private readonly string _root;
    private readonly string _hostName;
    private readonly TimeSpan _connectTimeout;
    private readonly string[] _knownHostsFiles;
    private readonly string _userKnownHostsFile;

    // Why the last handshake refused the server's key; read after SSH.NET reports the failed key exchange.
    private string? _hostKeyRefusal;

    private SftpStorage(SftpRepository repository, TimeSpan requestTimeout)
        : base(repository.RedactedLocation, "SFTP server", requestTimeout)
    {
        // The CLI path's checks (port, user, file names), so that both paths refuse the same repositories.
        repository.ApplyTo(new ResticEnvironment());
        if (!CanOpen(repository))
        {
            throw new NotSupportedException(
                "The native reader opens an SFTP repository with IdentityFile, the ssh program \"ssh\" and no SshArguments; otherwise ssh decides how to connect, and restic reads it (ResticClient).");
        }

        _repository = repository;
        var path = repository.Path.Length > 1 ? repository.Path.TrimEnd('/') : repository.Path;
        _root = path.EndsWith('/') ? path : path + "/";
        var port = repository.Port ?? 22;
        _hostName = KnownHosts.NameOf(repository.Host, port);
        _connectTimeout = repository.ConnectTimeout ?? requestTimeout;
        _userKnownHostsFile = repository.KnownHostsFile is { } file ? Path.GetFullPath(file) : KnownHosts.UserFile;
        _knownHostsFiles = [_userKnownHostsFile, KnownHosts.GlobalFile];
        _key = LoadKey(Path.GetFullPath(repository.IdentityFile!));

        // ssh logs in as the current user by default.
        var user = repository.UserName ?? Environment.UserName;
        var connection = new ConnectionInfo(repository.Host, port, user, new PrivateKeyAuthenticationMethod(user, _key))
        {
            // SSH.NET waits this long for the TCP connection and for each handshake message: ssh's ConnectTimeout.
            Timeout = _connectTimeout,
        };
        RestrictHostKeyAlgorithms(connection);
        _client = new SftpClient(connection) { OperationTimeout = requestTimeout };
        _client.HostKeyReceived += OnHostKeyReceived;
    }

    /// <summary>
    /// True for a repository the storage can open: the ssh program is <c>ssh</c>, no further ssh arguments and an identity
    /// file. Other programs and arguments may change anything about the connection (a proxy, another key, a config
    /// file), and without an identity file ssh picks keys from its configuration and agent; only ssh can honour those.
    /// </summary>
    public static bool CanOpen(SftpRepository repository) =>
        repository.SshProgram == "ssh" && repository.SshArguments is null or { Count: 0 } && !string.IsNullOrEmpty(repository.IdentityFile);

    /// <summary>Connects and logs in, so that a refused key or host key fails the opening, as with restic.</summary>
    public static async Task<SftpStorage> OpenAsync(SftpRepository repository, TimeSpan requestTimeout, CancellationToken cancellationToken)
    {
        var storage = new SftpStorage(repository, requestTimeout);
        try
        {
            await storage.WithTimeoutAsync("the SSH login", async token =>
            {
                await storage.EnsureConnectedAsync(token).ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
            return storage;
        }
        catch
        {
            storage.Dispose();
            throw;
        }
    }

    public override Task<IReadOnlyList<string>> ListAsync(FileKind kind, CancellationToken cancellationToken) =>
        WithTimeoutAsync(FolderOf(kind) + "/", token => SendAsync(FolderOf(kind) + "/", async send =>
        {
            IReadOnlyList<string> names;
            try
            {
                var found = new List<string>();
                await foreach (var entry in _client.ListDirectoryAsync(_root + FolderOf(kind), send).ConfigureAwait(false))
                {
                    // restic leaves temporary files elsewhere; anything here not named by a storage id is not restic's.
                    if (!entry.IsDirectory && IsStorageId(entry.Name))
                    {
                        found.Add(entry.Name);
                    }
                }

                names = found;
            }
            catch (SftpPathNotFoundException)
            {
                throw new FileNotFoundException($"The folder {FolderOf(kind)} is missing.", FolderOf(kind));
            }

            return names;
        }, token), cancellationToken);

    public override Task<byte[]> ReadAllAsync(FileKind kind, string name, long maxSize, CancellationToken cancellationToken) =>
        WithTimeoutAsync(PathOf(kind, name), token => SendAsync(PathOf(kind, name), async send =>
        {
            var stream = await _client.OpenAsync(_root + PathOf(kind, name), FileMode.Open, FileAccess.Read, send).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var size = stream.Length;
                if (size > maxSize)
                {
                    throw TooLarge(kind, name, size, maxSize);
                }

                // Read no further than the limit, whatever the size said: the file may grow meanwhile.
                using var content = new MemoryStream((int)Math.Clamp(size, 0, maxSize));
                var chunk = new byte[81_920];
                int read;
                while ((read = await stream.ReadAsync(chunk, send).ConfigureAwait(false)) > 0)
                {
                    if (content.Length + read > maxSize)
                    {
                        throw TooLarge(kind, name, null, maxSize);
                    }

                    content.Write(chunk, 0, read);
                }

                return content.Length == content.Capacity ? content.GetBuffer() : content.ToArray();
            }
        }, token), cancellationToken);

    public override Task ReadAsync(FileKind kind, string name, long offset, Memory<byte> buffer, CancellationToken cancellationToken) =>
        WithTimeoutAsync(PathOf(kind, name), token => SendAsync(PathOf(kind, name), async send =>
        {
            if (buffer.IsEmpty)
            {
                return true;
            }

            var stream = await _client.OpenAsync(_root + PathOf(kind, name), FileMode.Open, FileAccess.Read, send).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                stream.Seek(offset, SeekOrigin.Begin);
                var done = 0;
                while (done < buffer.Length)
                {
                    var read = await stream.ReadAsync(buffer[done..], send).ConfigureAwait(false);
                    if (read == 0)
                    {
                        throw new EndOfStreamException($"{PathOf(kind, name)} ends before byte {offset + buffer.Length}.");
                    }

                    done += read;
                }
            }

            return true;
        }, token), cancellationToken);

    public override void Dispose()
    {
        // Marked before the client goes: a request it cuts then reads as the disposal it is, not as a dead server.
        if (MarkDisposed())
        {
            _client.HostKeyReceived -= OnHostKeyReceived;
            _client.Dispose();
            _key.Dispose();
            _connecting.Dispose();
        }

        base.Dispose();
    }

    // SSH.NET reports an abandoned or cut request as its own exceptions.
    protected override bool IsAbandonedRequest(Exception exception) =>
        base.IsAbandonedRequest(exception) || exception is SshException or SocketException;

    private static PrivateKeyFile LoadKey(string file)
    {
        try
        {
            return new PrivateKeyFile(file);
        }
        catch (SshPassPhraseNullOrEmptyException)
        {
            // ssh would ask for the passphrase or an agent would hold the key: neither is the reader's.
            throw new ResticCommandException($"The IdentityFile {file} is encrypted with a passphrase, which the native reader does not take; use a key without one, or restic (ResticClient).", null, null, null, null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ResticCommandException($"The IdentityFile {file} could not be read: {exception.Message}", null, null, null, null);
        }
        catch (Exception exception) when (exception is SshException or ArgumentException or FormatException or InvalidOperationException or NotSupportedException)
        {
            // The parser's message says what it did not understand; it never quotes the key.
            throw new ResticCommandException($"The IdentityFile {file} is no private key SSH.NET reads ({exception.GetType().Name}).", null, null, null, null);
        }
    }

    /// <summary>
    /// Offers only the key types the known-hosts files hold for the host, as ssh does: a server with several host keys
    /// then shows the one that is known instead of a newer type that is not.
    /// </summary>
    private void RestrictHostKeyAlgorithms(ConnectionInfo connection)
    {
        if (_repository.HostKeyChecking == SftpHostKeyChecking.Off)
        {
            return;
        }

        var known = KnownHosts.KnownTypes(_knownHostsFiles, _hostName);
        var offered = connection.HostKeyAlgorithms.Keys.Where(algorithm => known.Contains(KeyTypeOf(algorithm))).ToHashSet(StringComparer.Ordinal);
        if (offered.Count == 0)
        {
            return;
        }

        foreach (var algorithm in connection.HostKeyAlgorithms.Keys.Where(algorithm => !offered.Contains(algorithm)).ToList())
        {
            connection.HostKeyAlgorithms.Remove(algorithm);
        }
    }

    private static string KeyTypeOf(string algorithm) => algorithm switch
    {
        "rsa-sha2-256" or "rsa-sha2-512" => "ssh-rsa",
        _ when algorithm.EndsWith("-cert-v01@openssh.com", StringComparison.Ordinal) => string.Empty,
        _ => algorithm,
    };

    private void OnHostKeyReceived(object? sender, HostKeyEventArgs e)
    {
        var checking = _repository.HostKeyChecking;
        if (checking == SftpHostKeyChecking.Off)
        {
            e.CanTrust = true;
            return;
        }

        var verdict = KnownHosts.Check(_knownHostsFiles, _hostName, e.HostKey);
        var fingerprint = $"{e.HostKeyName} SHA256:{e.FingerPrintSHA256}";
        (e.CanTrust, _hostKeyRefusal) = verdict switch
        {
            KnownHosts.Verdict.Known => (true, null),
            KnownHosts.Verdict.Revoked => (false, $"its host key {fingerprint} is marked @revoked in the known-hosts file"),
            KnownHosts.Verdict.Changed => (false, $"its host key {fingerprint} is not the one the known-hosts file {_userKnownHostsFile} holds for {_hostName} (a changed key, or another server)"),

            _ when checking == SftpHostKeyChecking.AcceptNew => (Record(e.HostKey), null),
            _ => (false, $"its host key {fingerprint} is not in the known-hosts file {_userKnownHostsFile} for {_hostName}"),
        };
    }

    /// <summary>
    /// accept-new trusts a first key and records it, as ssh does; a file that cannot be written leaves the key trusted
    /// for this connection (ssh warns and goes on too).
    /// </summary>
    private bool Record(byte[] hostKey)
    {
        KnownHosts.TryAdd(_userKnownHostsFile, _hostName, hostKey);
        return true;
    }

    /// <summary>Connects and logs in unless the session is up: at the opening, and again after the server dropped the connection.</summary>
    private async Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected)
        {
            return;
        }

        await _connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_client.IsConnected)
            {
                return;
            }

            _hostKeyRefusal = null;
            try
            {
                await _client.ConnectAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not ObjectDisposedException)
            {
                throw ConnectFailure(exception);
            }
        }
        finally
        {
            _connecting.Release();
        }
    }

    private Exception ConnectFailure(Exception exception)
    {
        if (_hostKeyRefusal is { } refusal)
        {
            return new ResticBackendCertificateException(
                $"The SFTP server at {Location} was refused: {refusal}. Add the server's key to KnownHostsFile (ssh-keyscan), or set HostKeyChecking.",
                null, null, refusal, null);
        }

        return exception switch
        {
            SshAuthenticationException => new ResticBackendAccessDeniedException(
                $"The SFTP server at {Location} refused the login of {_client.ConnectionInfo.Username} with the IdentityFile {Path.GetFullPath(_repository.IdentityFile!)} ({exception.Message}).",
                null, null, null, null),
            SshOperationTimeoutException => new ResticTimeoutException(
                $"The SFTP server at {Location} did not complete the connection within {_connectTimeout.TotalSeconds:0.#} s ({(_repository.ConnectTimeout is null ? "RequestTimeout" : "ConnectTimeout")}).",
                null, null, null, _connectTimeout),
            SocketException or SshConnectionException or IOException or ProxyException =>
                new ResticBackendUnreachableException($"The SFTP server at {Location} is unreachable: {exception.Message}", null, null, null, null),
            _ => new ResticCommandException($"The SSH connection to {Location} failed: {exception.Message}", null, null, null, null),
        };
    }

    private void DropSession()
    {
        try
        {
            _client.Disconnect();
        }
        catch (Exception exception) when (exception is SshException or SocketException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Runs one SFTP request on a connected session and types its failure as the reader's errors.</summary>
    private async Task<T> SendAsync<T>(string path, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        await EnsureConnectedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await send(cancellationToken).ConfigureAwait(false);
        }
        catch (SftpPathNotFoundException)
        {
            throw new FileNotFoundException($"{path} does not exist.", path);
        }
        catch (SftpPermissionDeniedException exception)
        {
            throw new ResticBackendAccessDeniedException($"The SFTP server at {Location} refused to read {path} ({exception.Message}).", null, null, null, null);
        }
        catch (SshOperationTimeoutException) when (!cancellationToken.IsCancellationRequested)
        {
            // SSH.NET's own operation timeout is the request timeout too.
            throw new ResticTimeoutException(
                $"The SFTP server at {Location} did not complete {path} within {RequestTimeout.TotalSeconds:0.#} s (RequestTimeout).", null, null, null, RequestTimeout);
        }
        catch (Exception exception) when (exception is SshConnectionException or SocketException or IOException and not (EndOfStreamException or FileNotFoundException) &&
            !cancellationToken.IsCancellationRequested)
        {
            // The session is broken: dropped, so that the next request connects again instead of meeting it too.
            DropSession();
            throw new ResticBackendUnreachableException($"The connection to the SFTP server at {Location} broke while reading {path}: {exception.Message}", null, null, null, null);
        }
        catch (SshException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Any other SFTP status (a failure the server does not explain) comes again: not transient.
            throw new ResticCommandException($"The SFTP server at {Location} failed to read {path}: {exception.Message}", null, null, null, null);
        }
    }
}
