namespace Restic.Net.Locks;

/// <summary>
/// A run of a lock-taking command that did not end by itself: cancelled, stopped by the no-progress
/// watchdog, or stopped by a signal this client did not send. Such a run may have left its lock.
/// </summary>
/// <param name="ProcessId">restic's pid, by which its lock is recognised (with this host's name).</param>
/// <param name="Operation">The command, for the log.</param>
/// <param name="Killed">restic had no chance to clean up (SIGKILL, or killed after SIGINT).</param>
/// <param name="How">What happened, for the log: "was cancelled", "was stopped by signal 9 (SIGKILL)".</param>
/// <param name="InterruptRemovesLock">restic 0.18+: an interrupted restic removes its lock when the backend lets it.</param>
/// <param name="StandardErrorTail">restic's last stderr lines (redacted): they say when it could not remove its lock.</param>
internal sealed record AbnormalEnd(
    int ProcessId,
    string Operation,
    bool Killed,
    string How,
    bool InterruptRemovesLock,
    IReadOnlyList<string> StandardErrorTail);
