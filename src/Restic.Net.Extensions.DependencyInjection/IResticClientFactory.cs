namespace Restic.Net.Extensions.DependencyInjection;

/// <summary>
/// Gives the clients registered with <c>AddResticClient</c> by name, for callers that do not use
/// keyed services. Each name has one client for the lifetime of the container (clients are
/// immutable and thread-safe); it is the same instance as the keyed <see cref="IResticClient"/>.
/// </summary>
public interface IResticClientFactory
{
    /// <summary>The client of the repository registered under <paramref name="name"/>.</summary>
    /// <param name="name">The name given to <c>AddResticClient</c>; an empty string for the default client.</param>
    /// <returns>The client, created on first use from its options.</returns>
    /// <exception cref="InvalidOperationException">No client is registered under <paramref name="name"/>.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The client's options are invalid.</exception>
    IResticClient CreateClient(string name);
}
