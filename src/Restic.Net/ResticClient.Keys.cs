using System.Globalization;
using System.Text;
using Restic.Net.CommandLines;
using Restic.Net.Serialization;

namespace Restic.Net;

public partial class ResticClient
{
    /// <inheritdoc />
    public virtual async Task<IReadOnlyList<RepositoryKey>> GetKeysAsync(ResticPassword? password = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var (run, output) = await RunBufferedAsync(WithPassword(ResticCommands.KeyList(), password), cancellationToken).ConfigureAwait(false);
        var keys = ParseDocument(run, output, ResticJsonContext.Default.KeyDtoArray);
        LogCompleted(run);
        return keys.Select(k => new RepositoryKey
        {
            Id = k.Id ?? string.Empty,
            IsCurrent = k.Current,
            UserName = k.UserName ?? string.Empty,
            HostName = k.HostName ?? string.Empty,
            Created = DateTime.TryParseExact(k.Created, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var created)
                ? new DateTimeOffset(created)
                : null,
        }).ToArray();
    }

    /// <inheritdoc />
    /// <remarks>
    /// The new password reaches restic in a file (<c>--new-password-file</c>): the file of
    /// <see cref="ResticPassword.FromFile"/>, or for <see cref="ResticPassword.FromValue"/> a temporary
    /// file readable only by the current user, deleted right after. restic trims a password read from
    /// a file, so a value with leading or trailing white space is refused.
    /// </remarks>
    public virtual async Task<RepositoryKey> AddKeyAsync(ResticPassword password, AddKeyOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(password);
        options ??= new AddKeyOptions();
        options.Validate();
        using var file = NewPasswordFile.Create(password);
        var capabilities = (await _executor.GetVersionAsync(cancellationToken).ConfigureAwait(false)).Capabilities;

        // restic before 0.17 does not print the new key's id: the client compares the key lists.
        var before = capabilities.FullKeyIds ? null : await GetKeysAsync(null, cancellationToken).ConfigureAwait(false);
        var command = ResticCommands.KeyAdd(file.Path, options) with { Secrets = Secrets(password) };
        var (run, output) = await RunBufferedAsync(command, cancellationToken).ConfigureAwait(false);
        LogCompleted(run);
        var id = TextOutput.ParseNewKeyId(output.StandardOutputLines);
        var after = await GetKeysAsync(null, cancellationToken).ConfigureAwait(false);
        var added = id is not null
            ? after.FirstOrDefault(k => k.Id == id)
            : after.Where(k => before!.All(b => b.Id != k.Id)).OrderByDescending(k => k.Created).FirstOrDefault();
        return added ?? throw MissingOutput(run, "new key", output: string.Join('\n', output.StandardOutputLines));
    }

    /// <inheritdoc />
    public virtual async Task RemoveKeyAsync(string keyId, ResticPassword? password = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        Guard.NotNullOrEmptyNoNul(keyId);
        if (keyId.Length is < 4 or > 64 || !keyId.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException($"A key id is 4 to 64 hexadecimal characters; got '{keyId}'.", nameof(keyId));
        }

        var (run, _) = await RunBufferedAsync(WithPassword(ResticCommands.KeyRemove(keyId), password), cancellationToken).ConfigureAwait(false);
        LogCompleted(run);
    }

    /// <inheritdoc />
    /// <remarks>
    /// restic adds a key for the new password and removes the current one in one command, without
    /// checking the new key first; <see cref="ResticClientExtensions.ChangePasswordAsync"/> verifies it
    /// before removing the old key. Either way this client keeps using the old password: create a new
    /// client with the new one.
    /// </remarks>
    public virtual async Task<RepositoryKey> ReplaceCurrentKeyAsync(ResticPassword newPassword, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(newPassword);
        using var file = NewPasswordFile.Create(newPassword);
        var command = ResticCommands.KeyPasswd(file.Path) with { Secrets = Secrets(newPassword) };
        var (run, _) = await RunBufferedAsync(command, cancellationToken).ConfigureAwait(false);
        LogCompleted(run);
        var keys = await GetKeysAsync(newPassword, cancellationToken).ConfigureAwait(false);
        return keys.FirstOrDefault(k => k.IsCurrent) ?? throw MissingOutput(run, "current key");
    }

    /// <summary>The command, run with another password than the client's (through the environment, like the client's own).</summary>
    private static ResticCommand WithPassword(ResticCommand command, ResticPassword? password)
    {
        if (password is null)
        {
            return command;
        }

        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["RESTIC_PASSWORD"] = null,
            ["RESTIC_PASSWORD_FILE"] = null,
            ["RESTIC_PASSWORD_COMMAND"] = null,
        };
        password.ApplyTo(environment);
        return command with { Environment = environment, Secrets = Secrets(password) };
    }

    private static string[] Secrets(ResticPassword password) => password.SecretValue is { } value ? [value] : [];

    /// <summary>The file restic reads a new key's password from.</summary>
    private sealed class NewPasswordFile : IDisposable
    {
        private readonly string? _ownedFolder;

        private NewPasswordFile(string path, string? ownedFolder)
        {
            Path = path;
            _ownedFolder = ownedFolder;
        }

        public string Path { get; }

        public static NewPasswordFile Create(ResticPassword password)
        {
            if (password.FilePath is { } path)
            {
                return new NewPasswordFile(path, null);
            }

            if (password.SecretValue is not { } value)
            {
                throw new ArgumentException("A new key's password must come from ResticPassword.FromValue or FromFile: restic reads it from a file and has no command for it.", nameof(password));
            }

            if (value.Trim() != value)
            {
                throw new ArgumentException("restic trims a password it reads from a file: a new password must not start or end with white space.", nameof(password));
            }

            // A private folder (0700 on Unix) holding a file only the current user can read.
            var folder = Directory.CreateTempSubdirectory("restic-net-key-").FullName;
            var file = System.IO.Path.Combine(folder, "password");
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(file, options))
            {
                stream.Write(Encoding.UTF8.GetBytes(value));
            }

            return new NewPasswordFile(file, folder);
        }

        public void Dispose()
        {
            if (_ownedFolder is not null)
            {
                Directory.Delete(_ownedFolder, recursive: true);
            }
        }
    }
}
