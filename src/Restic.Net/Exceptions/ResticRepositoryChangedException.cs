namespace Restic.Net;

/// <summary>
/// A file the native reader (Restic.Net.Repository) needed is gone: the repository changed while it was read,
/// typically because a <c>prune</c> or <c>forget --prune</c> removed a pack or index file after the reader had
/// loaded the index. The reader has dropped its cached index; retrying the call reads the current one.
/// </summary>
/// <remarks>
/// The reader takes no lock, so a prune may run at any time. A retry succeeds unless the data itself
/// was removed (the snapshot was forgotten), which it then reports as not found.
/// </remarks>
public sealed class ResticRepositoryChangedException : ResticException
{
    internal ResticRepositoryChangedException(string fileName, Exception? innerException = null)
        : base($"The repository file {fileName} is gone: the repository changed while it was read (a prune removed it). Retry to read the current index.", null, null, null, null, innerException)
    {
        FileName = fileName;
    }

    /// <summary>The file inside the repository that was missing, for example <c>data/ab/ab12…</c>.</summary>
    public string FileName { get; }
}
