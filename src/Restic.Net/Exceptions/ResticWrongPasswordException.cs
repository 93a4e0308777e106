namespace Restic.Net;

/// <summary>
/// The password does not open any key of the repository (restic exit code 12; recognised from the message on restic
/// before 0.17.1). Not transient: fix the password source.
/// </summary>
public sealed class ResticWrongPasswordException : ResticCommandException
{
    internal ResticWrongPasswordException(string message, int? exitCode, string? commandLine, string? resticMessage, string? standardError)
        : base(message, exitCode, commandLine, resticMessage, standardError)
    {
    }
}
