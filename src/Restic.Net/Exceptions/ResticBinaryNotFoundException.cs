namespace Restic.Net;

/// <summary>The restic executable could not be started. Not transient: install restic or set <see cref="ResticClientOptions.BinaryPath"/>.</summary>
public sealed class ResticBinaryNotFoundException : ResticException
{
    internal ResticBinaryNotFoundException(string binaryPath, Exception innerException)
        : base(
            $"The restic executable '{binaryPath}' could not be started. Install restic (for example 'apt-get install restic' " +
            "or a release from https://github.com/restic/restic/releases) or set ResticClientOptions.BinaryPath to its full path.",
            null,
            null,
            null,
            null,
            innerException) => BinaryPath = binaryPath;

    /// <summary>The path or name that was tried.</summary>
    public string BinaryPath { get; }
}
