using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace Restic.Net.Extensions.DependencyInjection;

/// <summary>
/// The names registered with <c>AddResticClient</c>, and the configuration path each was bound
/// from (for validation messages). One instance per service collection.
/// </summary>
internal sealed class ResticClientRegistry
{
    private readonly ConcurrentDictionary<string, string?> _names = new(StringComparer.Ordinal);

    public IEnumerable<string> Names => _names.Keys.Order(StringComparer.Ordinal);

    public static ResticClientRegistry GetOrAdd(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(ResticClientRegistry) && !descriptor.IsKeyedService &&
                descriptor.ImplementationInstance is ResticClientRegistry existing)
            {
                return existing;
            }
        }

        var registry = new ResticClientRegistry();
        services.AddSingleton(registry);
        return registry;
    }

    public void Add(string name, string? configurationPath) =>
        _names.AddOrUpdate(name, configurationPath, (_, existing) => configurationPath ?? existing);

    public bool Contains(string name) => _names.ContainsKey(name);

    /// <summary>How validation messages name a repository: <c>Restic repository 'offsite' (configuration 'Restic:offsite')</c>.</summary>
    public string Describe(string name)
    {
        var label = name.Length == 0 ? "Restic repository (default client)" : $"Restic repository '{name}'";
        return _names.TryGetValue(name, out var path) && path is not null ? $"{label} (configuration '{path}')" : label;
    }
}
