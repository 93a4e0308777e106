namespace Restic.Net;

/// <summary>
/// Opens <see cref="IResticNativeReader"/>s for <see cref="ResticClientOptions.NativeReads"/>. Restic.Net.Repository
/// provides one (<c>options.UseNativeReads()</c>).
/// </summary>
public interface IResticNativeReaderFactory
{
    /// <summary>
    /// True when a reader can serve this repository with this password source; false (another backend, a
    /// password command) makes the client run restic for every read.
    /// </summary>
    /// <param name="repository">The client's repository.</param>
    /// <param name="password">The client's password source.</param>
    /// <returns>Whether <see cref="OpenAsync"/> can open it.</returns>
    bool CanRead(ResticRepository repository, ResticPassword password);

    /// <summary>Opens a reader: reads the config and derives the key. The client keeps it for its lifetime.</summary>
    /// <param name="repository">The client's repository.</param>
    /// <param name="password">The client's password source.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <returns>The reader.</returns>
    Task<IResticNativeReader> OpenAsync(ResticRepository repository, ResticPassword password, CancellationToken cancellationToken = default);
}
