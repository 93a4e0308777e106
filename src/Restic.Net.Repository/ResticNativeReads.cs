namespace Restic.Net.Repository;

/// <summary>
/// Native reads for <see cref="ResticClient"/>: set it as <see cref="ResticClientOptions.NativeReads"/> (or call
/// <see cref="ResticClientOptionsExtensions.UseNativeReads"/>) and the client reads snapshots, listings, file dumps,
/// find, diff and the config with a <see cref="ResticRepositoryReader"/> instead of restic, for local, REST, S3 and SFTP
/// repositories (S3 with an access key and secret key; SFTP with an identity file, the ssh program <c>ssh</c> and no
/// further ssh arguments) with a password value or file. For any other repository <see cref="CanRead"/> is false and
/// the client runs restic.
/// </summary>
/// <param name="options">Options of the readers it opens, or null for the defaults.</param>
public sealed class ResticNativeReads(ResticRepositoryReaderOptions? options = null) : IResticNativeReaderFactory
{
    /// <summary>Native reads with the default reader options.</summary>
    public static ResticNativeReads Default { get; } = new();

    /// <summary>
    /// True when the reader can open the repository with the password: a local, REST, S3 (with an access key and secret key)
    /// or SFTP repository (with an identity file, the ssh program <c>ssh</c> and no further ssh arguments) and a password
    /// value or file. False otherwise, and the client runs restic: for S3 without keys, an SFTP repository left to ssh's
    /// configuration, agent or another ssh program, other backends and password commands.
    /// </summary>
    /// <param name="repository">The repository.</param>
    /// <param name="password">The repository password.</param>
    /// <returns>Whether <see cref="OpenAsync"/> can open it.</returns>
    public bool CanRead(ResticRepository repository, ResticPassword password)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(password);
        return ResticRepositoryReader.Supports(repository) && (password.SecretValue is not null || password.FilePath is not null);
    }

    /// <inheritdoc />
    public async Task<IResticNativeReader> OpenAsync(ResticRepository repository, ResticPassword password, CancellationToken cancellationToken = default) =>
        await ResticRepositoryReader.OpenAsync(repository, password, options, cancellationToken).ConfigureAwait(false);
}
