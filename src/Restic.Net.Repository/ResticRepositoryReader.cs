using System.Text;
using System.Text.Json;
using Restic.Net.Repository.Crypto;
using Restic.Net.Repository.Format;
using Restic.Net.Repository.Index;
using Restic.Net.Repository.Storage;
using Restic.Net.Repository.Trees;
using Restic.Net.Serialization;

namespace Restic.Net.Repository;

/// <summary>
/// Reads a restic repository directly, without a restic process: its config, snapshots, folder listings
/// and file contents. Opening derives the key once (scrypt, as restic does on every command); every later
/// call reuses it. Read-only: the reader never writes to the repository and never takes a lock.
/// </summary>
/// <remarks>
/// <para>
/// Every byte read is authenticated: a file or blob whose MAC, content hash or structure does not check
/// out throws <see cref="ResticRepositoryIntegrityException"/> naming the file, and no data from it is
/// returned. A pack, index file or blob that a concurrent prune removed throws the retryable
/// <see cref="ResticRepositoryChangedException"/>; one that stays missing while the current index still names
/// it is damage (<see cref="ResticRepositoryIntegrityException"/>), so that retrying ends.
/// </para>
/// <para>
/// What a repository can make the reader spend is bounded (<see cref="ResticRepositoryReaderOptions"/>): key
/// derivation memory and work, the size of snapshot and index files before and after decompression, the size of
/// trees, and the time of each REST, S3 or SFTP request with its body.
/// </para>
/// <para>
/// The master key stays in this object's memory until <see cref="Dispose"/>, which zeroes it: dispose the reader
/// when done (a <see cref="ResticClient"/> disposes the reader it opened when it is disposed). The reader is
/// thread-safe: calls may run concurrently. Local repositories, REST servers, S3 buckets (with explicit keys) and SFTP
/// servers (with an identity file) are supported; other backends throw <see cref="NotSupportedException"/> (use <see cref="ResticClient"/> for them).
/// </para>
/// </remarks>
public sealed partial class ResticRepositoryReader : IResticNativeReader, IAsyncDisposable
{
    /// <summary>restic tries at most this many key files; so does the reader (each costs a key derivation).</summary>
    private const int MaxKeyFiles = 20;

    /// <summary>A key file or the config is a few hundred bytes of JSON; anything near this is not restic's.</summary>
    private const int MaxSmallFileSize = 64 << 10;

    private readonly RepositoryStorage _storage;
    private readonly MasterKey _key;
    private readonly ResticRepositoryReaderOptions _options;
    private readonly RepositoryInfo _config;
    private int _disposed;

    private ResticRepositoryReader(RepositoryStorage storage, MasterKey key, RepositoryInfo config, ResticRepositoryReaderOptions options)
    {
        _storage = storage;
        _key = key;
        _config = config;
        _options = options;
        _treeCache = new TreeCache(options.TreeCacheSize);
    }

    /// <summary>The repository's config (id, format version, chunker polynomial), read when the reader was opened.</summary>
    public RepositoryInfo Config => _config;

    /// <summary>
    /// True for a backend the reader can open: a local folder, a REST server, an S3 bucket with an access key and secret
    /// key, or an SFTP server with an identity file, the ssh program <c>ssh</c> and no further ssh arguments
    /// (<see cref="ResticNativeReads.CanRead"/> is the public check). An S3 repository without keys leaves the
    /// credentials to restic's default chain (profile, shared credentials file, IAM role), which only restic reads; an
    /// SFTP repository without an identity file, or with another ssh program or arguments, leaves the connection to ssh.
    /// </summary>
    internal static bool Supports(ResticRepository repository) =>
        repository is LocalRepository or RestRepository || (repository is S3Repository s3 && S3Storage.HasKeys(s3)) ||
        (repository is SftpRepository sftp && SftpStorage.CanOpen(sftp));

    /// <summary>
    /// Opens a repository: reads its config, finds the key file the password opens (one scrypt derivation per
    /// key file tried, as restic does) and keeps the master key for the reader's lifetime.
    /// </summary>
    /// <param name="repository">
    /// A <see cref="LocalRepository"/>, <see cref="RestRepository"/>, <see cref="S3Repository"/> with an access key and secret key, or
    /// <see cref="SftpRepository"/> with an identity file (no passphrase), the ssh program <c>ssh</c> and no <see cref="SftpRepository.SshArguments"/>.
    /// </param>
    /// <param name="password">The password, as a value or a file (<see cref="ResticPassword.FromCommand"/> is not supported).</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the opening, a key derivation under way included (it is abandoned at once).</param>
    /// <returns>The open reader.</returns>
    /// <exception cref="NotSupportedException">The backend or the password source is not supported.</exception>
    /// <exception cref="ResticRepositoryNotFoundException">There is no repository (no config file).</exception>
    /// <exception cref="ResticWrongPasswordException">No key file opens with the password.</exception>
    /// <exception cref="ResticRepositoryIntegrityException">
    /// The config or a key file is damaged, or a key file's scrypt parameters ask for more memory or work than
    /// <see cref="ResticRepositoryReaderOptions.MaxKeyDerivationMemory"/> and <see cref="ResticRepositoryReaderOptions.MaxKeyDerivationWork"/> allow.
    /// </exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static async Task<ResticRepositoryReader> OpenAsync(
        ResticRepository repository,
        ResticPassword password,
        ResticRepositoryReaderOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(password);
        options ??= new ResticRepositoryReaderOptions();
        options.Validate();
        RepositoryStorage storage = repository switch
        {
            LocalRepository local => new LocalStorage(local.Path),
            RestRepository rest => new RestStorage(rest, options.RequestTimeout),
            S3Repository s3 when S3Storage.HasKeys(s3) => await S3Storage.OpenAsync(s3, options.RequestTimeout, cancellationToken).ConfigureAwait(false),
            S3Repository => throw new NotSupportedException("The native reader opens an S3 repository with AccessKeyId and SecretAccessKey; without them restic reads the credentials (ResticClient)."),
            SftpRepository sftp when SftpStorage.CanOpen(sftp) => await SftpStorage.OpenAsync(sftp, options.RequestTimeout, cancellationToken).ConfigureAwait(false),
            SftpRepository => throw new NotSupportedException(
                "The native reader opens an SFTP repository with IdentityFile, the ssh program \"ssh\" and no SshArguments; otherwise ssh decides how to connect, and restic reads it (ResticClient)."),
            _ => throw new NotSupportedException($"The native reader opens local, REST, S3 and SFTP repositories; {repository.GetType().Name} is read through restic (ResticClient)."),
        };

        var secret = await ReadPasswordAsync(password, cancellationToken).ConfigureAwait(false);
        try
        {
            var sealedConfig = await ReadConfigFileAsync(storage, cancellationToken).ConfigureAwait(false);
            var key = await FindKeyAsync(storage, secret, options, cancellationToken).ConfigureAwait(false);
            try
            {
                var config = ReadConfig(storage, key, sealedConfig);
                return new ResticRepositoryReader(storage, key, config, options);
            }
            catch
            {
                key.Dispose();
                throw;
            }
        }
        catch
        {
            storage.Dispose();
            throw;
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>Reads the config anew (<c>restic cat config</c>); the same as <see cref="Config"/> unless the repository was replaced.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The repository's identity.</returns>
    public async Task<RepositoryInfo> GetConfigAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var sealedConfig = await ReadConfigFileAsync(_storage, cancellationToken).ConfigureAwait(false);
        return ReadConfig(_storage, _key, sealedConfig);
    }

    /// <summary>
    /// Zeroes the master key, releases the backend connection (a REST or S3 reader's HTTP client, an SFTP reader's SSH session) and drops the
    /// cached snapshots, trees and index. Idempotent and thread-safe. Calls in flight, and reads of the file streams
    /// the reader opened, end with <see cref="ObjectDisposedException"/> at their next read of the repository.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _key.Dispose();
            _storage.Dispose();
            _treeCache.Clear();
            _snapshots.Clear();
            Volatile.Write(ref _index, null);
        }
    }

    /// <inheritdoc cref="Dispose"/>
    /// <returns>A completed task: nothing of the reader needs to be awaited.</returns>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    private static async Task<byte[]> ReadPasswordAsync(ResticPassword password, CancellationToken cancellationToken)
    {
        if (password.SecretValue is { } value)
        {
            return Encoding.UTF8.GetBytes(value);
        }

        if (password.FilePath is { } file)
        {
            // restic trims the white space around a password file's content.
            string text;
            try
            {
                text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // As restic reports it ("Resolving password failed"): a command failure, not a wrong password.
                throw new ResticCommandException($"The password file {file} could not be read: {exception.Message}", null, null, null, null);
            }

            return Encoding.UTF8.GetBytes(text.Trim());
        }

        throw new NotSupportedException("The native reader takes a password value or file; a password command is run by restic (ResticClient).");
    }

    private static async Task<MasterKey> FindKeyAsync(RepositoryStorage storage, byte[] password, ResticRepositoryReaderOptions options, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> names;
        try
        {
            names = await storage.ListAsync(FileKind.Key, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException exception)
        {
            throw new ResticRepositoryNotFoundException($"The repository at {storage.Location} has no keys folder.", null, null, exception.Message, null);
        }

        foreach (var name in names.Take(MaxKeyFiles))
        {
            byte[] content;
            try
            {
                content = await storage.ReadAllAsync(FileKind.Key, name, MaxSmallFileSize, cancellationToken).ConfigureAwait(false);
            }
            catch (FileNotFoundException)
            {
                continue; // removed since the listing (a key removal): try the others
            }
            catch (InvalidDataException exception)
            {
                throw new ResticRepositoryIntegrityException(storage.PathOf(FileKind.Key, name), "not a key file: " + exception.Message, exception);
            }

            var path = storage.PathOf(FileKind.Key, name);
            VerifyName(path, name, content);
            KeyFileDto? dto;
            try
            {
                dto = JsonSerializer.Deserialize(content, RepositoryJsonContext.Default.KeyFileDto);
            }
            catch (JsonException exception)
            {
                throw new ResticRepositoryIntegrityException(path, "not a key file.", exception);
            }

            if (dto is null || dto.Kdf != "scrypt" || dto.Salt is null || dto.Data is null)
            {
                throw new ResticRepositoryIntegrityException(path, "not a scrypt key file restic can open (kdf, salt or data missing).");
            }

            // Before any work: a planted key file must neither exhaust memory nor derive for ever.
            if (Scrypt.Check(dto.N, dto.R, dto.P, options.MaxKeyDerivationMemory, options.MaxKeyDerivationWork) is { } refused)
            {
                throw new ResticRepositoryIntegrityException(path, refused + ".");
            }

            byte[] salt, data;
            try
            {
                salt = Convert.FromBase64String(dto.Salt);
                data = Convert.FromBase64String(dto.Data);
            }
            catch (FormatException exception)
            {
                throw new ResticRepositoryIntegrityException(path, "its salt or data is not base64.", exception);
            }

            var derived = await Scrypt.DeriveKeyAsync(password, salt, (int)dto.N, (int)dto.R, (int)dto.P, 64, cancellationToken).ConfigureAwait(false);
            using var userKey = MasterKey.FromDerived(derived);
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(derived);
            if (data.Length < MasterKey.Overhead)
            {
                throw new ResticRepositoryIntegrityException(path, "its data is too short.");
            }

            var plaintext = new byte[data.Length - MasterKey.Overhead];
            if (!userKey.TryOpen(data, plaintext))
            {
                continue; // another password's key
            }

            try
            {
                var master = JsonSerializer.Deserialize(plaintext, RepositoryJsonContext.Default.MasterKeyDto);
                return (master is null ? null : MasterKey.FromJson(master))
                    ?? throw new ResticRepositoryIntegrityException(path, "the decrypted master key is malformed.");
            }
            catch (JsonException exception)
            {
                throw new ResticRepositoryIntegrityException(path, "the decrypted master key is not JSON.", exception);
            }
            finally
            {
                System.Security.Cryptography.CryptographicOperations.ZeroMemory(plaintext);
            }
        }

        throw new ResticWrongPasswordException(
            $"No key of the repository at {storage.Location} opens with the password (tried {Math.Min(names.Count, MaxKeyFiles)} of {names.Count} key files).",
            null, null, "wrong password or no key found", null);
    }

    private static async Task<byte[]> ReadConfigFileAsync(RepositoryStorage storage, CancellationToken cancellationToken)
    {
        try
        {
            return await storage.ReadAllAsync(FileKind.Config, string.Empty, MaxSmallFileSize, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException exception)
        {
            throw new ResticRepositoryNotFoundException($"There is no repository at {storage.Location} (no config file).", null, null, exception.Message, null);
        }
        catch (InvalidDataException exception)
        {
            throw new ResticRepositoryIntegrityException("config", "not a config file: " + exception.Message, exception);
        }
    }

    private static RepositoryInfo ReadConfig(RepositoryStorage storage, MasterKey key, byte[] sealedConfig)
    {
        var json = Open(storage, key, FileKind.Config, string.Empty, sealedConfig, MaxSmallFileSize, "more than a config file holds");
        ConfigDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(json.Span, ResticJsonContext.Default.ConfigDto);
        }
        catch (JsonException exception)
        {
            throw new ResticRepositoryIntegrityException("config", "not a config document.", exception);
        }

        if (dto is null || dto.Id is null || dto.Version is not (1 or 2))
        {
            throw new ResticRepositoryIntegrityException("config", $"a config of repository format {dto?.Version}, which the reader does not know (1 and 2 are).");
        }

        return new RepositoryInfo { Id = dto.Id, Version = dto.Version, ChunkerPolynomial = dto.ChunkerPolynomial ?? string.Empty, Location = storage.Location };
    }

    /// <summary>
    /// Reads, verifies and decodes a snapshot or index file, within the options' size limit for its kind: neither
    /// the stored file nor its decompressed JSON is read past it.
    /// </summary>
    private async Task<ReadOnlyMemory<byte>> ReadAsync(FileKind kind, string name, CancellationToken cancellationToken)
    {
        var maxSize = kind == FileKind.Snapshot ? _options.MaxSnapshotFileSize : _options.MaxIndexFileSize;
        byte[] content;
        try
        {
            content = await _storage.ReadAllAsync(kind, name, UnpackedFile.MaxStoredSize(maxSize), cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException exception)
        {
            throw new ResticRepositoryChangedException(_storage.PathOf(kind, name), exception);
        }
        catch (InvalidDataException exception)
        {
            throw new ResticRepositoryIntegrityException(_storage.PathOf(kind, name), $"{exception.Message} ({LimitName(kind)})", exception);
        }

        VerifyName(_storage.PathOf(kind, name), name, content);
        return Open(_storage, _key, kind, name, content, maxSize, LimitName(kind));
    }

    private static string LimitName(FileKind kind) =>
        "the reader's limit, ResticRepositoryReaderOptions." + (kind == FileKind.Snapshot ? nameof(ResticRepositoryReaderOptions.MaxSnapshotFileSize) : nameof(ResticRepositoryReaderOptions.MaxIndexFileSize));

    private static ReadOnlyMemory<byte> Open(RepositoryStorage storage, MasterKey key, FileKind kind, string name, byte[] content, int maxSize, string limit)
    {
        var path = storage.PathOf(kind, name);
        if (content.Length < MasterKey.Overhead)
        {
            throw new ResticRepositoryIntegrityException(path, "the file is too short to be encrypted.");
        }

        var plaintext = new byte[content.Length - MasterKey.Overhead];
        if (!key.TryOpen(content, plaintext))
        {
            throw new ResticRepositoryIntegrityException(path, "its MAC does not match (the file was changed or damaged).");
        }

        return UnpackedFile.Decode(plaintext, maxSize, out var problem, out var tooLarge)
            ?? throw new ResticRepositoryIntegrityException(path, tooLarge ? $"{problem} ({limit})." : problem + ".");
    }

    // A file's name is the SHA-256 of its content: a changed byte anywhere shows before any parsing.
    private static void VerifyName(string path, string name, byte[] content)
    {
        if (!BlobId.TryParse(name, out var id) || !id.IsHashOf(content))
        {
            throw new ResticRepositoryIntegrityException(path, "its content does not hash to its name (the file was changed or damaged).");
        }
    }
}
