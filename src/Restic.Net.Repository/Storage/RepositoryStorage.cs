namespace Restic.Net.Repository.Storage;

/// <summary>
/// Read access to the files of a repository on one backend. Reads only: the reader never writes, deletes
/// or locks. A missing file throws <see cref="FileNotFoundException"/>, a file shorter than the range
/// asked for <see cref="EndOfStreamException"/>; the reader turns both into its typed errors.
/// </summary>
internal abstract class RepositoryStorage : IDisposable
{
    /// <summary>The repository location for messages, without credentials.</summary>
    public abstract string Location { get; }

    /// <summary>The names (storage ids) of the files of a kind; not for packs.</summary>
    public abstract Task<IReadOnlyList<string>> ListAsync(FileKind kind, CancellationToken cancellationToken);

    /// <summary>A whole file.</summary>
    public abstract Task<byte[]> ReadAllAsync(FileKind kind, string name, CancellationToken cancellationToken);

    /// <summary>Fills <paramref name="buffer"/> from <paramref name="offset"/> of a file.</summary>
    public abstract Task ReadAsync(FileKind kind, string name, long offset, Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>The file's path inside the repository, as errors name it.</summary>
    public abstract string PathOf(FileKind kind, string name);

    public virtual void Dispose()
    {
    }

    /// <summary>A file name that is a storage id (64 lower-case hex digits); anything else in a folder is not restic's.</summary>
    protected static bool IsStorageId(string? name) => name is { Length: 64 } && name.All(char.IsAsciiHexDigitLower);

    /// <summary>The folder of a kind in restic's layout.</summary>
    protected static string FolderOf(FileKind kind) => kind switch
    {
        FileKind.Key => "keys",
        FileKind.Snapshot => "snapshots",
        FileKind.Index => "index",
        FileKind.Pack => "data",
        _ => string.Empty,
    };
}
