namespace Restic.Net;

/// <summary>
/// <c>init</c> found a repository at the location already ("config file already exists", exit code 1 on
/// every restic version). <see cref="ResticClientExtensions.EnsureInitializedAsync"/> treats it as success.
/// Not transient.
/// </summary>
public sealed class ResticRepositoryAlreadyExistsException : ResticCommandException
{
    internal ResticRepositoryAlreadyExistsException(string message, int? exitCode, string? commandLine, string? resticMessage, string? standardError)
        : base(message, exitCode, commandLine, resticMessage, standardError)
    {
    }
}
