namespace Restic.Net;

/// <summary>
/// restic's output could not be understood: malformed, truncated or missing where a result was expected. Not
/// transient: malformed output comes again, and output that was cut may belong to a command that took effect.
/// </summary>
public sealed class ResticOutputException : ResticException
{
    internal ResticOutputException(string message, int? exitCode, string? commandLine, string? standardError, Exception? innerException = null, string? outputLine = null)
        : base(message, exitCode, commandLine, null, standardError, innerException) => OutputLine = outputLine;

    /// <summary>The output restic printed that could not be read (redacted, at most a few hundred characters), if any.</summary>
    public string? OutputLine { get; }
}
