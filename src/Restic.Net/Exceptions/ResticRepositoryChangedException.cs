namespace Restic.Net;

/// <summary>
/// A file or blob the native reader (Restic.Net.Repository) needed is gone because the repository changed while it
/// was read: a <c>prune</c> or <c>forget --prune</c> removed a pack or index file after the reader had loaded the
/// index, and the reader's current index no longer puts the blob there. The reader has loaded the current index;
/// retrying the call reads it (transient).
/// </summary>
/// <remarks>
/// The reader takes no lock, so a prune may run at any time. A retry succeeds unless the data itself was removed
/// (the snapshot was forgotten), which it then reports as not found. A file that stays missing while the current
/// index still names it is damage, reported as <see cref="ResticRepositoryIntegrityException"/>, so that retrying
/// on this exception ends.
/// </remarks>
public sealed class ResticRepositoryChangedException : ResticCommandException
{
    internal ResticRepositoryChangedException(string fileName, Exception? innerException = null)
        : this(fileName, $"The repository file {fileName} is gone: the repository changed while it was read (a prune removed it). Retry to read the current index.", innerException)
    {
    }

    internal ResticRepositoryChangedException(string fileName, string message, Exception? innerException = null)
        : base(message, null, null, null, null, innerException)
    {
        FileName = fileName;
    }

    /// <summary>The file inside the repository that was missing, for example <c>data/ab/ab12…</c>, or <c>index</c> when the index no longer lists a blob.</summary>
    public string FileName { get; }

    /// <summary>True: the same call reads the current index.</summary>
    public override bool IsTransient => true;
}
