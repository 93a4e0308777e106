using System.Text;

namespace Restic.Net.Input;

/// <summary>
/// The paths of a backup in a private temporary file for <c>--files-from-raw</c> (NUL-separated, so that any
/// file name is read exactly), when they would make the command line too long. Deleted on dispose.
/// </summary>
internal sealed class PathListFile : IDisposable
{
    /// <summary>Paths up to this many bytes in all go on the command line, where logs show them.</summary>
    public const int MaxInlineBytes = 64 * 1024;

    private readonly string _folder;

    private PathListFile(string folder, string path)
    {
        _folder = folder;
        Path = path;
    }

    public string Path { get; }

    /// <summary>A file holding <paramref name="paths"/>, or null when they fit on the command line.</summary>
    public static PathListFile? CreateIfNeeded(IReadOnlyList<string> paths)
    {
        var bytes = 0L;
        foreach (var path in paths)
        {
            bytes += Encoding.UTF8.GetByteCount(path) + 1;
        }

        if (bytes <= MaxInlineBytes)
        {
            return null;
        }

        // A private folder (0700 on Unix): the list names what is backed up.
        var folder = Directory.CreateTempSubdirectory("restic-net-paths-").FullName;
        var file = System.IO.Path.Combine(folder, "paths");
        try
        {
            using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            foreach (var path in paths)
            {
                stream.Write(Encoding.UTF8.GetBytes(path));
                stream.WriteByte(0);
            }
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }

        return new PathListFile(folder, file);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file left in the temp folder must not fail the backup.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
