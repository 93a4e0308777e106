namespace Restic.Net;

/// <summary>
/// The snapshot exists but has no file or folder at the path a call named (<c>dump</c>, a <c>snapshot:subfolder</c>
/// reference, a native read). Not transient: list the snapshot to find the right path.
/// </summary>
public sealed class ResticPathNotFoundException : ResticCommandException
{
    internal ResticPathNotFoundException(string path, string message, int? exitCode = null, string? commandLine = null, string? resticMessage = null, string? standardError = null)
        : base(message, exitCode, commandLine, resticMessage, standardError)
    {
        Path = path;
    }

    /// <summary>The path inside the snapshot that does not exist.</summary>
    public string Path { get; }
}
