using Microsoft.Extensions.DependencyInjection;

namespace Restic.Net.Extensions.DependencyInjection;

/// <summary>
/// Returned by <c>AddResticClient</c>, to configure the registered client further (for example
/// <see cref="ResticClientBuilderExtensions.AddResilience(IResticClientBuilder, Func{IServiceProvider, Polly.ResiliencePipeline})"/>).
/// </summary>
public interface IResticClientBuilder
{
    /// <summary>The client's name: the key of its keyed service and of its named options; empty for the default client.</summary>
    string Name { get; }

    /// <summary>The service collection the client is registered in.</summary>
    IServiceCollection Services { get; }
}
