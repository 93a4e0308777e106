namespace Restic.Net.Repository;

/// <summary>Opts a <see cref="ResticClient"/> into native reads.</summary>
public static class ResticClientOptionsExtensions
{
    /// <summary>
    /// Sets <see cref="ResticClientOptions.NativeReads"/>: the client reads snapshots, listings, file dumps, find,
    /// diff and the config without restic where the repository allows (local, REST, S3 with keys, or SFTP with an identity file and no ssh arguments; a password value or file), and runs
    /// restic for everything else.
    /// </summary>
    /// <param name="options">The client options.</param>
    /// <param name="readerOptions">Options of the reader, or null for the defaults.</param>
    /// <returns>The same options, for chaining.</returns>
    public static ResticClientOptions UseNativeReads(this ResticClientOptions options, ResticRepositoryReaderOptions? readerOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.NativeReads = readerOptions is null ? ResticNativeReads.Default : new ResticNativeReads(readerOptions);
        return options;
    }
}
