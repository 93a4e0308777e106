namespace Restic.Net;

/// <summary>
/// Runs the attempts of one restic command: <see cref="ResticClientOptions.Resilience"/> replaces the client's own
/// lock wait with it, to retry, time out or break a circuit with any library (the dependency injection package
/// adapts Polly's <c>ResiliencePipeline</c>: <c>AddResilience</c>).
/// </summary>
/// <remarks>
/// <para>
/// The client calls <see cref="ExecuteAsync"/> once per command. Each call of its <c>attempt</c> starts restic once
/// and completes when restic has exited. An attempt throws only a failure that is safe to retry: a
/// <see cref="ResticException"/> whose <see cref="ResticException.IsTransient"/> is true (a locked repository, a
/// repository changed by a prune, an unreachable backend, a timeout) of a run that delivered nothing to the caller
/// yet and read no input, or the <see cref="OperationCanceledException"/> of the
/// token the policy passed to it. Every other outcome completes the attempt normally and the client throws it after
/// <see cref="ExecuteAsync"/> returned, so that no policy can retry it: a stream after its first event, a backup
/// whose input was read, every failure that is not transient (a wrong password, a missing repository or restic
/// binary, a feature restic lacks, invalid input), the caller's cancellation and the client's disposal.
/// </para>
/// <para>
/// Call <c>attempt</c> at least once and never twice at the same time (hedging is not supported). When the policy
/// returns without a successful attempt, the client throws the last attempt's failure; when it throws, the caller
/// gets its exception.
/// </para>
/// </remarks>
public abstract class ResticResiliencePolicy
{
    /// <summary>Initializes the policy.</summary>
    protected ResticResiliencePolicy()
    {
    }

    /// <summary>Runs the attempts of one command.</summary>
    /// <param name="attempt">Runs restic once, with the token it is given (cancelling it interrupts restic gracefully).</param>
    /// <param name="context">Which command, on which repository.</param>
    /// <param name="cancellationToken">The caller's token (linked to the client's disposal): stop when it is cancelled.</param>
    /// <returns>A task that completes when the policy is done with the command.</returns>
    public abstract ValueTask ExecuteAsync(Func<CancellationToken, ValueTask> attempt, ResticCommandContext context, CancellationToken cancellationToken);
}
