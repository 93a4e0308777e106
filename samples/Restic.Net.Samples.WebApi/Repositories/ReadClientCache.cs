using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Restic.Net.Samples.WebApi.Configuration;

namespace Restic.Net.Samples.WebApi.Repositories;

/// <summary>
/// Long-lived clients opted into native reads for the read endpoints: one per repository and password, so that
/// the key is derived and the index loaded once, not on every request (a new client per request starts restic and
/// derives the key each time). Bounded: at most <see cref="ResticApiOptions.ReadCacheSize"/> clients, each closed
/// after <see cref="ResticApiOptions.ReadCacheIdleTime"/> unused, the least recently used first when full. A closed
/// client's key is zeroed once the last request using it has ended. A client that failed to open the repository
/// (wrong password, missing repository) or saw it changed under it is dropped, and so is every client of a
/// repository whose keys changed. Entries are found by an HMAC of the password under a key of this process, never
/// by the password.
/// </summary>
internal sealed class ReadClientCache(RepositoryClientFactory factory, IOptions<ResticApiOptions> options, TimeProvider time) : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Repository, string Password), Entry> _entries = [];
    private readonly byte[] _hmacKey = RandomNumberGenerator.GetBytes(32);
    private bool _disposed;

    /// <summary>How many clients are open (for tests and diagnostics).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>How many clients were opened since start (for tests and diagnostics).</summary>
    public int Opened { get; private set; }

    /// <summary>Runs a read on the cached client of this repository and password; drops the client when the read shows it is unusable.</summary>
    public async Task<T> ReadAsync<T>(RegisteredRepository repository, ResolvedPassword password, Func<IResticClient, Task<T>> read)
    {
        var lease = Lease(repository, password);
        try
        {
            return await lease.RunAsync(read);
        }
        finally
        {
            await lease.DisposeAsync();
        }
    }

    /// <summary>
    /// The cached client of this repository and password for a read that outlives one call (a download stream): the
    /// client stays open until the lease is disposed. Run each read through <see cref="ReadLease.RunAsync"/> so that a
    /// failure that shows the client unusable drops it.
    /// </summary>
    public ReadLease Lease(RegisteredRepository repository, ResolvedPassword password) => new(this, LeaseEntry(repository, password));

    /// <summary>Closes every client of a repository (its keys changed, or it was removed).</summary>
    public void Invalidate(string repository)
    {
        lock (_lock)
        {
            foreach (var entry in _entries.Values.Where(e => e.Key.Repository == repository).ToList())
            {
                RemoveLocked(entry);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<Entry> all;
        lock (_lock)
        {
            _disposed = true;
            all = [.. _entries.Values];
            _entries.Clear();
        }

        foreach (var entry in all)
        {
            entry.Closing = true;
            if (entry.Leases == 0)
            {
                await entry.Client.DisposeAsync();
            }
        }

        CryptographicOperations.ZeroMemory(_hmacKey);
    }

    private Entry LeaseEntry(RegisteredRepository repository, ResolvedPassword password)
    {
        var key = (repository.Name, Convert.ToHexString(HMACSHA256.HashData(_hmacKey, Encoding.UTF8.GetBytes(password.Identity))));
        var settings = options.Value;
        var now = time.GetUtcNow();
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            foreach (var idle in _entries.Values.Where(e => now - e.LastUsed > settings.ReadCacheIdleTime).ToList())
            {
                RemoveLocked(idle);
            }

            if (!_entries.TryGetValue(key, out var entry))
            {
                while (_entries.Count >= Math.Max(1, settings.ReadCacheSize))
                {
                    RemoveLocked(_entries.Values.MinBy(e => e.LastUsed)!);
                }

                entry = new Entry(key, factory.CreateClient(repository, password.Password, nativeReads: true));
                _entries[key] = entry;
                Opened++;
            }

            entry.LastUsed = now;
            entry.Leases++;
            return entry;
        }
    }

    private async ValueTask ReleaseAsync(Entry entry)
    {
        bool close;
        lock (_lock)
        {
            entry.Leases--;
            close = entry.Closing && entry.Leases == 0;
        }

        if (close)
        {
            await entry.Client.DisposeAsync();
        }
    }

    private void Drop(Entry entry)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(entry.Key, out var current) && ReferenceEquals(current, entry))
            {
                RemoveLocked(entry);
            }
        }
    }

    // Out of the table now; disposed now if no request uses it, else by the last request's release.
    private void RemoveLocked(Entry entry)
    {
        _entries.Remove(entry.Key);
        entry.Closing = true;
        if (entry.Leases == 0)
        {
            _ = entry.Client.DisposeAsync().AsTask();
        }
    }

    /// <summary>One use of a cached client; disposing it ends the use (and closes the client if it was evicted meanwhile).</summary>
    internal sealed class ReadLease : IAsyncDisposable
    {
        private readonly ReadClientCache _cache;
        private readonly Entry _entry;
        private int _disposed;

        internal ReadLease(ReadClientCache cache, Entry entry)
        {
            _cache = cache;
            _entry = entry;
        }

        public IResticClient Client => _entry.Client;

        /// <summary>Runs a read; a wrong password, a missing or changed repository drops the client from the cache.</summary>
        public async Task<T> RunAsync<T>(Func<IResticClient, Task<T>> read)
        {
            try
            {
                return await read(_entry.Client);
            }
            catch (Exception ex) when (ex is ResticWrongPasswordException or ResticRepositoryNotFoundException or ResticRepositoryChangedException)
            {
                _cache.Drop(_entry);
                throw;
            }
        }

        public ValueTask DisposeAsync() => Interlocked.Exchange(ref _disposed, 1) == 0 ? _cache.ReleaseAsync(_entry) : ValueTask.CompletedTask;
    }

    internal sealed class Entry((string Repository, string Password) key, ResticClient client)
    {
        public (string Repository, string Password) Key { get; } = key;

        public ResticClient Client { get; } = client;

        public DateTimeOffset LastUsed { get; set; }

        public int Leases { get; set; }

        public bool Closing { get; set; }
    }
}
