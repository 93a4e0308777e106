namespace Restic.Net.Repository.Storage;

/// <summary>
/// Read access to the files of a repository on one backend. Reads only: the reader never writes, deletes
/// or locks. A missing file throws <see cref="FileNotFoundException"/>, a file shorter than the range
/// asked for <see cref="EndOfStreamException"/>, a file larger than the reader reads <see cref="InvalidDataException"/>;
/// the reader turns each into its typed errors.
/// </summary>
internal abstract class RepositoryStorage : IDisposable
{
    /// <summary>The repository location for messages, without credentials.</summary>
    public abstract string Location { get; }

    /// <summary>The names (storage ids) of the files of a kind; not for packs.</summary>
    public abstract Task<IReadOnlyList<string>> ListAsync(FileKind kind, CancellationToken cancellationToken);

    /// <summary>A whole file of at most <paramref name="maxSize"/> bytes; a larger one is not read past the limit.</summary>
    public abstract Task<byte[]> ReadAllAsync(FileKind kind, string name, long maxSize, CancellationToken cancellationToken);

    /// <summary>Fills <paramref name="buffer"/> from <paramref name="offset"/> of a file.</summary>
    public abstract Task ReadAsync(FileKind kind, string name, long offset, Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>The file's path inside the repository, as errors name it.</summary>
    public virtual string PathOf(FileKind kind, string name) => kind switch
    {
        // restic's default layout (local, S3, SFTP): packs in 256 subfolders by their id's first two digits.
        FileKind.Config => "config",
        FileKind.Pack => $"data/{name[..2]}/{name}",
        _ => $"{FolderOf(kind)}/{name}",
    };

    public virtual void Dispose()
    {
    }

    protected InvalidDataException TooLarge(FileKind kind, string name, long? size, long maxSize) =>
        new($"{PathOf(kind, name)} is {(size is { } known ? known + " bytes" : "larger than that")}, more than the {maxSize} bytes the reader reads for such a file.");

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
