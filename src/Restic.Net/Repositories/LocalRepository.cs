namespace Restic.Net;

/// <summary>A repository in a folder of the local file system.</summary>
public sealed record LocalRepository : ResticRepository
{
    /// <summary>Creates a local repository location.</summary>
    /// <param name="path">The folder of the repository; relative paths are resolved against the current directory.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or contains a NUL character.</exception>
    public LocalRepository(string path)
    {
        Guard.NotNullOrEmptyNoNul(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The absolute path of the repository folder.</summary>
    public string Path { get; }

    /// <inheritdoc />
    // A path with a colon would be mistaken for a backend URL; the local: prefix disambiguates it.
    internal override string ToResticLocation() =>
        Path.Contains(':', StringComparison.Ordinal) ? "local:" + Path : Path;
}
