using Polly;

namespace Restic.Net.Extensions.DependencyInjection;

/// <summary>
/// A Polly <see cref="ResiliencePipeline"/> as the client's <see cref="ResticResiliencePolicy"/>: each attempt runs inside
/// the pipeline, whose context carries the command as its operation key. The client shows the pipeline only the failures
/// it may retry, so a pipeline that retries every exception still never retries a wrong password or a stream that yielded.
/// </summary>
internal sealed class PollyResiliencePolicy(ResiliencePipeline pipeline) : ResticResiliencePolicy
{
    public ResiliencePipeline Pipeline => pipeline;

    public override async ValueTask ExecuteAsync(Func<CancellationToken, ValueTask> attempt, ResticCommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(context);
        var resilienceContext = ResilienceContextPool.Shared.Get(context.Operation, cancellationToken);
        try
        {
            await pipeline.ExecuteAsync(static (ctx, run) => run(ctx.CancellationToken), resilienceContext, attempt).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(resilienceContext);
        }
    }
}
