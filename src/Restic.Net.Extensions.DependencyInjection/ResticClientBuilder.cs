using Microsoft.Extensions.DependencyInjection;

namespace Restic.Net.Extensions.DependencyInjection;

internal sealed class ResticClientBuilder(string name, IServiceCollection services) : IResticClientBuilder
{
    public string Name { get; } = name;

    public IServiceCollection Services { get; } = services;
}
