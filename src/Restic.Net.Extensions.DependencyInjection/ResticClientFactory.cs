using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Restic.Net.Extensions.DependencyInjection;

/// <summary>
/// Creates each named client once, from its named options, with the container's logger factory and clock, and
/// disposes the clients it created when the container disposes it (the container also disposes the keyed and
/// default <see cref="IResticClient"/> it resolved through it: disposal is idempotent).
/// </summary>
internal sealed class ResticClientFactory : IResticClientFactory, IAsyncDisposable, IDisposable
{
    private readonly IOptionsMonitor<ResticClientOptions> _options;
    private readonly ResticClientRegistry _registry;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly TimeProvider? _timeProvider;
    private readonly ILogger _logger;
    private readonly Dictionary<string, ResticClient> _clients = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _disposed;

    public ResticClientFactory(IOptionsMonitor<ResticClientOptions> options, ResticClientRegistry registry, IServiceProvider services)
    {
        _options = options;
        _registry = registry;
        _loggerFactory = services.GetService<ILoggerFactory>();
        _timeProvider = services.GetService<TimeProvider>();
        _logger = (ILogger?)_loggerFactory?.CreateLogger<ResticClientFactory>() ?? NullLogger.Instance;
    }

    public IResticClient CreateClient(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_registry.Contains(name))
        {
            var known = string.Join(", ", _registry.Names.Select(n => n.Length == 0 ? "(default)" : $"'{n}'"));
            throw new InvalidOperationException(
                $"No restic client is registered under the name '{name}'. Registered: {(known.Length == 0 ? "none" : known)}. Register it with services.AddResticClient(\"{name}\", ...).");
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_clients.TryGetValue(name, out var client))
            {
                // Validation failures throw OptionsValidationException here, naming the repository and the setting.
                var created = new ResticClient(_options.Get(name), _loggerFactory, _timeProvider);
                Log.ClientCreated(_logger, name, created.Repository.RedactedLocation);
                client = created;
                _clients.Add(name, client);
            }

            return client;
        }
    }

    // All at once: each may wait for restic runs it interrupted.
    public async ValueTask DisposeAsync() =>
        await Task.WhenAll(TakeClients().Select(client => client.DisposeAsync().AsTask())).ConfigureAwait(false);

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private ResticClient[] TakeClients()
    {
        lock (_gate)
        {
            _disposed = true;
            var clients = _clients.Values.ToArray();
            _clients.Clear();
            return clients;
        }
    }
}
