namespace Restic.Net.Execution;

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
    /// <summary>Data for restic's standard input; when null, stdin is empty and closed.</summary>
    public Stream? StandardInput { get; init; }
}
