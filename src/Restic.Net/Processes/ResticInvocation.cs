namespace Restic.Net.Processes;

/// <summary>One run of the restic binary: argv, environment and an optional standard input.</summary>
/// <param name="BinaryPath">The executable.</param>
/// <param name="Arguments">The argv list (never joined into a string).</param>
/// <param name="Environment">Variables to set; a null value removes an inherited variable.</param>
/// <param name="ShutdownTimeout">Time between SIGINT and kill after cancellation.</param>
internal sealed record ResticInvocation(
    string BinaryPath,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string?> Environment,
    TimeSpan ShutdownTimeout)
{
    /// <summary>
    /// Data for restic's standard input; when null, stdin is empty and closed. If reading it fails,
    /// restic is interrupted (SIGINT) while its stdin is still open, so that it never mistakes the
    /// failure for the end of the data, and the runner rethrows the failure once restic has exited.
    /// </summary>
    public Stream? StandardInput { get; init; }

    /// <summary>Receives stdout as raw bytes; when null, stdout is split into lines for the sink.</summary>
    public Stream? StandardOutput { get; init; }
}
