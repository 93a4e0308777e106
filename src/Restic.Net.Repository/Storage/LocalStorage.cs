namespace Restic.Net.Repository.Storage;

/// <summary>A repository in a local folder (restic's default layout: packs under <c>data/xx/</c>).</summary>
internal sealed class LocalStorage(string root) : RepositoryStorage
{
    public override string Location => root;

    public override Task<IReadOnlyList<string>> ListAsync(FileKind kind, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(root, FolderOf(kind));
        if (!Directory.Exists(folder))
        {
            throw new FileNotFoundException($"The folder {FolderOf(kind)} is missing.", FolderOf(kind));
        }

        // restic leaves temporary files elsewhere (tmp/); anything here that is not a storage id is not ours.
        IReadOnlyList<string> names = Directory.EnumerateFiles(folder)
            .Select(Path.GetFileName)
            .Where(IsStorageId)
            .Select(name => name!)
            .ToArray();
        return Task.FromResult(names);
    }

    public override async Task<byte[]> ReadAllAsync(FileKind kind, string name, long maxSize, CancellationToken cancellationToken)
    {
        Microsoft.Win32.SafeHandles.SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(FullPath(kind, name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.Asynchronous);
        }
        catch (DirectoryNotFoundException exception)
        {
            throw new FileNotFoundException(exception.Message, PathOf(kind, name), exception);
        }

        using (handle)
        {
            var length = RandomAccess.GetLength(handle);
            if (length > maxSize)
            {
                throw TooLarge(kind, name, length, maxSize);
            }

            var content = new byte[length];
            var done = 0;
            while (done < content.Length)
            {
                var read = await RandomAccess.ReadAsync(handle, content.AsMemory(done), done, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    Array.Resize(ref content, done); // cut short since its length was read: the name check tells
                    break;
                }

                done += read;
            }

            return content;
        }
    }

    public override async Task ReadAsync(FileKind kind, string name, long offset, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        Microsoft.Win32.SafeHandles.SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(FullPath(kind, name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.Asynchronous);
        }
        catch (DirectoryNotFoundException exception)
        {
            throw new FileNotFoundException(exception.Message, PathOf(kind, name), exception);
        }

        using (handle)
        {
            var done = 0;
            while (done < buffer.Length)
            {
                var read = await RandomAccess.ReadAsync(handle, buffer[done..], offset + done, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new EndOfStreamException($"{PathOf(kind, name)} ends before byte {offset + buffer.Length}.");
                }

                done += read;
            }
        }
    }

    private string FullPath(FileKind kind, string name) => Path.Combine(root, PathOf(kind, name));
}
