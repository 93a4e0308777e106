namespace Restic.Net;

/// <summary>
/// A repository file failed verification when it was read natively (Restic.Net.Repository): its
/// authentication code did not match (a changed byte, a truncated file, the wrong key), a blob's content
/// did not hash to its id, or the decrypted content was malformed. No data from the file is returned.
/// </summary>
/// <remarks>
/// Not transient: the file as stored is damaged or was tampered with. <c>restic check
/// --read-data</c> reports the same damage; <c>restic repair</c> may recover what is left.
/// </remarks>
public sealed class ResticRepositoryIntegrityException : ResticCommandException
{
    internal ResticRepositoryIntegrityException(string fileName, string problem, Exception? innerException = null)
        : base($"The repository file {fileName} failed verification: {problem}", null, null, null, null, innerException)
    {
        FileName = fileName;
    }

    /// <summary>The file inside the repository, for example <c>index/3f1c…</c> or <c>data/ab/ab12…</c>.</summary>
    public string FileName { get; }
}
