using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Restic.Net.Extensions.DependencyInjection;

/// <summary>Registers restic clients in an <see cref="IServiceCollection"/>.</summary>
public static class ResticServiceCollectionExtensions
{
    /// <summary>
    /// Registers the default <see cref="IResticClient"/>, configured in code. The options are
    /// validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the repository, the password source and any other option.</param>
    /// <returns>A builder to configure the client further.</returns>
    public static IResticClientBuilder AddResticClient(this IServiceCollection services, Action<ResticClientOptions> configure) =>
        AddResticClient(services, Options.DefaultName, configure);

    /// <summary>
    /// Registers the default <see cref="IResticClient"/>, configured from a configuration section
    /// (appsettings.json, user secrets, environment variables; see docs/dependency-injection.md for the keys).
    /// The options are validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The section with <c>Repository</c>, one of <c>Password</c>/<c>PasswordFile</c>/<c>PasswordCommand</c>, and optional settings.</param>
    /// <returns>A builder to configure the client further.</returns>
    public static IResticClientBuilder AddResticClient(this IServiceCollection services, IConfigurationSection section) =>
        AddResticClient(services, Options.DefaultName, section);

    /// <summary>
    /// Registers a named <see cref="IResticClient"/>, configured in code: resolve it as a keyed service
    /// (<c>[FromKeyedServices("offsite")] IResticClient</c>) or with <see cref="IResticClientFactory.CreateClient"/>.
    /// Calling it again with the same name adds configuration to the same client.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The repository's name: the service key and the options name.</param>
    /// <param name="configure">Sets the repository, the password source and any other option.</param>
    /// <returns>A builder to configure the client further.</returns>
    public static IResticClientBuilder AddResticClient(this IServiceCollection services, string name, Action<ResticClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = AddCore(services, name, configurationPath: null);
        services.Configure(name, configure);
        return builder;
    }

    /// <summary>
    /// Registers a named <see cref="IResticClient"/>, configured from a configuration section: resolve
    /// it as a keyed service (<c>[FromKeyedServices("offsite")] IResticClient</c>) or with
    /// <see cref="IResticClientFactory.CreateClient"/>. The section is read when the client is created.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The repository's name: the service key and the options name.</param>
    /// <param name="section">The section with <c>Repository</c>, one of <c>Password</c>/<c>PasswordFile</c>/<c>PasswordCommand</c>, and optional settings.</param>
    /// <returns>A builder to configure the client further.</returns>
    public static IResticClientBuilder AddResticClient(this IServiceCollection services, string name, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var builder = AddCore(services, name, section.Path);
        var registry = ResticClientRegistry.GetOrAdd(services);
        services.AddOptions<ResticClientOptions>(name).Configure<IServiceProvider>((options, provider) => ResticConfigurationBinder.Bind(section, name, options, registry, provider));
        return builder;
    }

    private static ResticClientBuilder AddCore(IServiceCollection services, string name, string? configurationPath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > 0 && string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("The client name must not be white space.", nameof(name));
        }

        ResticClientRegistry.GetOrAdd(services).Add(name, configurationPath);
        services.AddOptions();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ResticClientOptions>, ResticClientOptionsValidator>());
        services.AddOptions<ResticClientOptions>(name).ValidateOnStart();
        services.TryAddSingleton<IResticClientFactory, ResticClientFactory>();
        services.TryAddKeyedSingleton<IResticClient>(name, static (provider, key) =>
            provider.GetRequiredService<IResticClientFactory>().CreateClient((string)key!));
        if (name.Length == 0)
        {
            services.TryAddSingleton<IResticClient>(static provider =>
                provider.GetRequiredService<IResticClientFactory>().CreateClient(Options.DefaultName));
        }

        return new ResticClientBuilder(name, services);
    }
}
