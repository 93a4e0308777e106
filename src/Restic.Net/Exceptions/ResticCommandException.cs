namespace Restic.Net;

/// <summary>restic failed for a reason without a dedicated type: exit code 1, an unknown exit code, a panic (2), or an interrupt (130) the caller did not request.</summary>
public sealed class ResticCommandException : ResticException
{
    internal ResticCommandException(string message, int? exitCode, string? commandLine, string? resticMessage, string? standardError)
        : base(message, exitCode, commandLine, resticMessage, standardError)
    {
    }
}
