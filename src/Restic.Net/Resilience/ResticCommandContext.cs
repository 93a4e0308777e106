namespace Restic.Net;

/// <summary>The command a <see cref="ResticResiliencePolicy"/> runs: for its decisions, logs and metrics.</summary>
public sealed class ResticCommandContext
{
    /// <summary>The restic command: <c>backup</c>, <c>forget</c>, <c>list locks</c>, ...</summary>
    public required string Operation { get; init; }

    /// <summary>The repository's location with credentials masked (<see cref="ResticRepository.RedactedLocation"/>): safe to log.</summary>
    public required string Repository { get; init; }

    /// <summary>restic waits for locks itself in this command (<c>--retry-lock</c>, restic 0.16+ with a lock wait set).</summary>
    internal bool ResticWaitsForLock { get; init; }
}
