using Microsoft.Extensions.DependencyInjection;
using Polly;

namespace Restic.Net.Extensions.DependencyInjection;

/// <summary>Further configuration of a client registered with <c>AddResticClient</c>.</summary>
public static class ResticClientBuilderExtensions
{
    /// <summary>
    /// Uses a Polly resilience pipeline from the container for this client, instead of the default lock
    /// wait: it becomes the client's <see cref="ResticClientOptions.Resilience"/> policy, which runs each
    /// attempt of a command inside the pipeline (the command is the context's operation key) and lets it
    /// see only the failures a retry may cure (see <see cref="ResticResiliencePolicy"/>).
    /// </summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="pipeline">Gets the pipeline, for example from Polly's <c>ResiliencePipelineProvider&lt;string&gt;</c>.</param>
    /// <returns>The same builder.</returns>
    public static IResticClientBuilder AddResilience(this IResticClientBuilder builder, Func<IServiceProvider, ResiliencePipeline> pipeline)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(pipeline);
        builder.Services.AddOptions<ResticClientOptions>(builder.Name)
            .Configure<IServiceProvider>((options, provider) => options.Resilience = new PollyResiliencePolicy(pipeline(provider)));
        return builder;
    }

    /// <summary>
    /// Builds a Polly resilience pipeline for this client, instead of the default lock wait (as
    /// <see cref="AddResilience(IResticClientBuilder, Func{IServiceProvider, ResiliencePipeline})"/>); the builder
    /// uses the container's <see cref="TimeProvider"/> when there is one.
    /// </summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="configure">Adds strategies, for example a retry of <see cref="ResticRepositoryLockedException"/>.</param>
    /// <returns>The same builder.</returns>
    public static IResticClientBuilder AddResilience(this IResticClientBuilder builder, Action<ResiliencePipelineBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return builder.AddResilience(provider =>
        {
            var pipeline = new ResiliencePipelineBuilder { TimeProvider = provider.GetService<TimeProvider>() ?? TimeProvider.System };
            configure(pipeline);
            return pipeline.Build();
        });
    }
}
