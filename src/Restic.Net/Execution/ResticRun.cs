using Restic.Net.CommandLines;

namespace Restic.Net.Execution;

/// <summary>How one restic process ended, with what is needed to explain a failure.</summary>
internal sealed record ResticRun(
    ResticCommand Command,
    int ExitCode,
    string CommandLine,
    string? ExitErrorMessage,
    IReadOnlyList<string> StandardErrorTail,
    TimeSpan Duration)
{
    /// <summary>The start of stdout's last line when restic's output ended in the middle of it (redacted); null normally.</summary>
    public string? CutStandardOutput { get; init; }

    /// <summary>restic's process id (0 when the runner did not report it).</summary>
    public int ProcessId { get; init; }

    /// <summary>The redacted stderr tail as one string.</summary>
    public string StandardError => string.Join('\n', StandardErrorTail);
}
