namespace Restic.Net;

/// <summary>
/// There is no repository at the location (restic exit code 10; recognised from the message on restic before 0.17).
/// Not transient: initialize the repository or fix the location.
/// </summary>
public sealed class ResticRepositoryNotFoundException : ResticCommandException
{
    internal ResticRepositoryNotFoundException(string message, int? exitCode, string? commandLine, string? resticMessage, string? standardError)
        : base(message, exitCode, commandLine, resticMessage, standardError)
    {
    }
}
