namespace Restic.Net.Repository;

/// <summary>
/// Native reads for <see cref="ResticClient"/>: set it as <see cref="ResticClientOptions.NativeReads"/> (or call
/// <see cref="ResticClientOptionsExtensions.UseNativeReads"/>) and the client reads snapshots, listings, file dumps,
/// find, diff and the config with a <see cref="ResticRepositoryReader"/> instead of restic, for local, REST and S3
/// repositories (S3 with an access key and secret key) with a password value or file.
/// </summary>
/// <param name="options">Options of the readers it opens, or null for the defaults.</param>
public sealed class ResticNativeReads(ResticRepositoryReaderOptions? options = null) : IResticNativeReaderFactory
{
    /// <summary>Native reads with the default reader options.</summary>
    public static ResticNativeReads Default { get; } = new();

    /// <inheritdoc />
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
