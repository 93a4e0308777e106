using Restic.Net.Execution;

namespace Restic.Net.Failures;

/// <summary>
/// Maps a failed run to the exception a caller branches on. Exit codes 10/11/12 exist from restic
/// 0.17/0.17.1; before that (and as a fallback) restic's message text decides.
/// </summary>
internal static partial class ErrorClassifier
{
    public static ResticException CreateException(ResticRun run)
    {
        var message = ResticMessage(run);
        var summary = $"restic {run.Command.Operation} failed with exit code {run.ExitCode}" +
            (message is null ? "." : ": " + FirstLine(message));
        var text = message ?? run.StandardError;

        // Before the text checks below: restic 0.14 adds "Is there a repository at the following location?" to these.
        // For sftp, ssh's own reason precedes restic's message: "subprocess ssh: ssh: connect to host ...: Connection refused".
        var rejection = BackendRejection.Classify(text);
        if (rejection == BackendRejectionKind.None && run.StandardErrorTail.FirstOrDefault(l => l.StartsWith("subprocess ssh: ", StringComparison.Ordinal)) is { } ssh)
        {
            rejection = BackendRejection.Classify(ssh);
        }

        if (run.ExitCode is not (10 or 11 or 12) && rejection is not BackendRejectionKind.None)
        {
            return BackendRejection.CreateException(
                rejection, summary.TrimEnd('.') + ". " + BackendRejection.Advice(rejection), run.ExitCode, run.CommandLine, message, run.StandardError);
        }

        // restic 0.14 adds "Is there a repository…?" to every failure to open the repository, a dropped
        // connection too (for example a TLS client certificate refused after the handshake shows as
        // "write: broken pipe"): that is a backend failure, not a missing repository.
        if (run.ExitCode != 10 && ContainsAny(text, "Is there a repository at the following location?") && IsTransportFailure(text))
        {
            return new ResticCommandException(
                summary.TrimEnd('.') + ". The storage backend could not be reached or closed the connection: check that it runs and accepts this client.",
                run.ExitCode, run.CommandLine, message, run.StandardError);
        }

        if (run.ExitCode == 10 || ContainsAny(text, "repository does not exist", "Is there a repository at the following location?"))
        {
            return new ResticRepositoryNotFoundException(summary, run.ExitCode, run.CommandLine, message, run.StandardError);
        }

        if (run.ExitCode == 12 || ContainsAny(text, "wrong password or no key found"))
        {
            return new ResticWrongPasswordException(summary, run.ExitCode, run.CommandLine, message, run.StandardError);
        }

        if (run.ExitCode == 11 || ContainsAny(text, "repository is already locked"))
        {
            return new ResticRepositoryLockedException(summary, run.ExitCode, run.CommandLine, message, run.StandardError, LockHolder(text));
        }

        if (run.Command.Operation == "init" && ContainsAny(text, "config file already exists"))
        {
            return new ResticRepositoryAlreadyExistsException(
                summary.TrimEnd('.') + ". A repository exists at this location already: use it, or EnsureInitializedAsync to initialize only when missing.",
                run.ExitCode, run.CommandLine, message, run.StandardError);
        }

        if (IsSnapshotNotFound(text))
        {
            return new ResticSnapshotNotFoundException(summary, run.ExitCode, run.CommandLine, message, run.StandardError);
        }

        if (run.Command.Operation is "dump" or "ls" or "restore" or "diff" && PathNotFound(text) is { } path)
        {
            return new ResticPathNotFoundException(path, summary, run.ExitCode, run.CommandLine, message, run.StandardError);
        }

        // A signal this client did not send (its own cancellations end as OperationCanceledException).
        if (StoppedBySignal(run) is { } signal)
        {
            return new ResticCommandException(
                $"restic {run.Command.Operation} was stopped by {signal}, which this client did not send (exit code {run.ExitCode})" +
                (message is null ? "." : ": " + FirstLine(message)),
                run.ExitCode, run.CommandLine, message, run.StandardError);
        }

        return new ResticCommandException(summary, run.ExitCode, run.CommandLine, message, run.StandardError);
    }

    /// <summary>
    /// The signal that stopped restic, or null: one restic handled (<see cref="HandledSignal"/>), or an exit
    /// code of 128 + N for a process killed by signal N.
    /// </summary>
    public static string? StoppedBySignal(ResticRun run)
    {
        if (HandledSignal(run) is { } handled)
        {
            return handled;
        }

        return run.ExitCode switch
        {
            129 => "signal 1 (SIGHUP)",
            130 => "signal 2 (SIGINT)",
            131 => "signal 3 (SIGQUIT)",
            134 => "signal 6 (SIGABRT)",
            137 => "signal 9 (SIGKILL)",
            143 => "signal 15 (SIGTERM)",
            > 128 and <= 192 => $"signal {run.ExitCode - 128}",
            _ => null,
        };
    }

    /// <summary>
    /// A signal restic received and handled (it cleaned up, its lock included, where the backend let it):
    /// "signal interrupt received, cleaning up" on stderr (every version; 0.19+ then exits 130, older
    /// versions 1), or the same for SIGTERM. Null when restic said neither.
    /// </summary>
    public static string? HandledSignal(ResticRun run)
    {
        foreach (var line in run.StandardErrorTail)
        {
            if (line.Contains("signal interrupt received", StringComparison.Ordinal))
            {
                return "signal 2 (SIGINT)";
            }

            if (line.Contains("signal terminated received", StringComparison.Ordinal))
            {
                return "signal 15 (SIGTERM)";
            }
        }

        return null;
    }

    /// <summary>The error for a run whose stdout ended in the middle of a line although restic exited with success.</summary>
    public static ResticOutputException CutOutput(ResticRun run, string cut) =>
        new($"The output of restic {run.Command.Operation} ended in the middle of a line (exit code {run.ExitCode}): the output was cut, and what was read may be incomplete. The cut line begins: {cut}",
            run.ExitCode, run.CommandLine, run.StandardError, null, cut);

    /// <summary>
    /// An unknown id prefix ("no matching ID found", all versions) or an empty <c>latest</c>
    /// ("no snapshot found"); restic has no exit code for either.
    /// </summary>
    public static bool IsSnapshotNotFound(string? text) =>
        text is not null && ContainsAny(text, "no matching ID found", "no snapshot found");

    /// <summary>
    /// The path of "path "/x" not found in snapshot" (dump) or "path x: not found" (a snapshot:subfolder
    /// reference, 0.16+), or null.
    /// </summary>
    public static string? PathNotFound(string? text)
    {
        var match = text is null ? null : PathNotFoundPattern().Match(text);
        return match is { Success: true } ? match.Groups["path"].Value : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex("""path "?(?<path>[^"\n]*?)"?:? not found""")]
    private static partial System.Text.RegularExpressions.Regex PathNotFoundPattern();

    /// <summary>
    /// restic's own message: the <c>exit_error</c> message (0.18+), else the stderr text from the
    /// first <c>Fatal:</c> or lock line on, else the last stderr lines.
    /// </summary>
    public static string? ResticMessage(ResticRun run)
    {
        if (!string.IsNullOrWhiteSpace(run.ExitErrorMessage))
        {
            return run.ExitErrorMessage;
        }

        var lines = run.StandardErrorTail;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].StartsWith("Fatal:", StringComparison.Ordinal) || lines[i].Contains("unable to create lock", StringComparison.Ordinal))
            {
                return string.Join('\n', lines.Skip(i));
            }
        }

        // Without a Fatal line, restic 0.14 may end with a Go stack trace, and a backup's per-file errors
        // are JSON lines: neither is restic's message, when there is any other text.
        var text = lines.Where((l, i) => l.Trim().Length > 0 && !IsStackFrame(lines, i)).ToList();
        var plain = text.Where(l => !l.TrimStart().StartsWith('{')).ToList();
        var tail = (plain.Count > 0 ? plain : text).TakeLast(3).ToList();
        return tail.Count == 0 ? null : string.Join('\n', tail);
    }

    // "repository is already locked exclusively by PID 42 on host by user (UID 0, GID 0)"
    private static string? LockHolder(string text)
    {
        const string Marker = "locked ";
        var at = text.IndexOf("already locked", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var start = text.IndexOf(Marker, at, StringComparison.Ordinal) + Marker.Length;
        var end = text.IndexOf('\n', start);
        var holder = (end < 0 ? text[start..] : text[start..end]).Trim();
        holder = holder.StartsWith("exclusively ", StringComparison.Ordinal) ? holder["exclusively ".Length..] : holder;
        return holder.StartsWith("by ", StringComparison.Ordinal) ? holder["by ".Length..] : holder;
    }

    // A Go stack frame: "\tpath/file.go:42", or the function line followed by one.
    private static bool IsStackFrame(IReadOnlyList<string> lines, int i) =>
        lines[i].StartsWith('\t') || (i + 1 < lines.Count && lines[i + 1].StartsWith('\t') && lines[i + 1].Contains(".go:", StringComparison.Ordinal));

    private static bool IsTransportFailure(string text) =>
        ContainsAny(text, "write: broken pipe", "connect: connection refused", "connection reset by peer", "i/o timeout", "no such host");

    private static bool ContainsAny(string text, params string[] needles) =>
        needles.Any(n => text.Contains(n, StringComparison.Ordinal));

    private static string FirstLine(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? text : text[..newline];
    }
}
