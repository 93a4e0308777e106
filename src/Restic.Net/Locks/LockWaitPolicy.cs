using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Restic.Net.Diagnostics;

namespace Restic.Net.Locks;

/// <summary>
/// The client's own policy (<see cref="ResticClientOptions.LockWaitTimeout"/>): retries a locked repository with
/// jittered exponential back-off (1 s, 2 s, 4 s … at most 30 s) until the timeout has passed. The back-off never
/// runs past the deadline: the last attempt is timed to end at it (an attempt takes about as long as the one before),
/// so the call gives up within one attempt's time of the timeout instead of a whole back-off step late. restic 0.16+
/// waits itself (<c>--retry-lock</c>), so there the client does not retry. Built on Polly.Core, which stays an
/// implementation detail: no Polly type is part of the client's API.
/// </summary>
internal sealed class LockWaitPolicy : ResticResiliencePolicy
{
    private static readonly ResiliencePropertyKey<long> s_startKey = new("Restic.Net.Start");
    private static readonly ResiliencePropertyKey<long> s_attemptStartKey = new("Restic.Net.AttemptStart");
    private readonly TimeSpan _timeout;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline _pipeline;

    public LockWaitPolicy(TimeSpan timeout, string repository, ILogger logger, TimeProvider time)
    {
        _timeout = timeout;
        _logger = logger;
        _time = time;
        _pipeline = timeout <= TimeSpan.Zero ? ResiliencePipeline.Empty : new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is ResticRepositoryLockedException && LockWaitLeft(args.Context) > TimeSpan.Zero),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(LockRetryDelay(args.Context, args.AttemptNumber)),
                MaxRetryAttempts = int.MaxValue,
                OnRetry = args =>
                {
                    Log.LockRetry(_logger, repository, args.Context.OperationKey ?? "command", (long)args.RetryDelay.TotalMilliseconds, args.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public override async ValueTask ExecuteAsync(Func<CancellationToken, ValueTask> attempt, ResticCommandContext context, CancellationToken cancellationToken)
    {
        if (_timeout <= TimeSpan.Zero || context.ResticWaitsForLock)
        {
            await attempt(cancellationToken).ConfigureAwait(false);
            return;
        }

        var resilienceContext = ResilienceContextPool.Shared.Get(context.Operation, cancellationToken);
        resilienceContext.Properties.Set(s_startKey, _time.GetTimestamp());
        try
        {
            await _pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    ctx.Properties.Set(s_attemptStartKey, state.Time.GetTimestamp());
                    await state.Attempt(ctx.CancellationToken).ConfigureAwait(false);
                },
                resilienceContext,
                (Attempt: attempt, Time: _time)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(resilienceContext);
        }
    }

    /// <summary>
    /// The time left for another attempt: the lock wait's deadline minus now and minus the duration of
    /// the attempt that just failed (the next one will take about as long).
    /// </summary>
    private TimeSpan LockWaitLeft(ResilienceContext context)
    {
        if (!context.Properties.TryGetValue(s_startKey, out var start))
        {
            return TimeSpan.Zero;
        }

        var attempt = context.Properties.TryGetValue(s_attemptStartKey, out var attemptStart) ? _time.GetElapsedTime(attemptStart) : TimeSpan.Zero;
        return _timeout - _time.GetElapsedTime(start) - attempt;
    }

    /// <summary>Exponential back-off from 1 s (doubling, at most 30 s) with ±25 % jitter, cut to the time left.</summary>
    private TimeSpan LockRetryDelay(ResilienceContext context, int attemptNumber)
    {
        var exponential = Math.Min(30, Math.Pow(2, Math.Min(attemptNumber, 5)));
        var delay = TimeSpan.FromSeconds(exponential * (0.75 + (Random.Shared.NextDouble() * 0.5)));
        var left = LockWaitLeft(context);
        return delay < left ? delay : left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}
