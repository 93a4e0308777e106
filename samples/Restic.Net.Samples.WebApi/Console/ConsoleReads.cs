using Restic.Net.Samples.WebApi.Problems;
using Restic.Net.Samples.WebApi.Repositories;

namespace Restic.Net.Samples.WebApi.Console;

/// <summary>
/// What the console reads with: the registered repositories the server holds a password for (a password file or the
/// token <c>POST /init</c> issued: a browser never sends one), each read through the same cached native readers as
/// the API's read endpoints, so a folder is answered from memory once the repository is open.
/// </summary>
internal sealed class ConsoleReads(RepositoryRegistry registry, RepositoryClientFactory clients, ReadClientCache cache)
{
    public Task<IReadOnlyList<RegisteredRepository>> RepositoriesAsync(CancellationToken cancellationToken) => registry.AllAsync(cancellationToken);

    /// <summary>Whether the server can read this repository without a password from the browser.</summary>
    public bool CanRead(RegisteredRepository repository) => clients.StoredPassword(repository) is not null;

    /// <summary>The registered repository of this name (a 404 problem otherwise).</summary>
    public async Task<RegisteredRepository> FindAsync(string name, CancellationToken cancellationToken)
    {
        var all = await registry.AllAsync(cancellationToken);
        return all.FirstOrDefault(r => r.Name == name)
            ?? throw new ApiProblemException(StatusCodes.Status404NotFound, "Not found", "No repository of this name is registered.");
    }

    /// <summary>Runs a read on the repository's cached reader.</summary>
    public Task<T> ReadAsync<T>(RegisteredRepository repository, Func<IResticClient, Task<T>> read) =>
        cache.ReadAsync(repository, Password(repository), read);

    /// <summary>The repository's cached reader for a read that outlives the call (a download): dispose the lease after it.</summary>
    public ReadClientCache.ReadLease Lease(RegisteredRepository repository) => cache.Lease(repository, Password(repository));

    /// <summary>
    /// How long a console command waits for a lock someone else holds: the dashboard's background measurement holds a
    /// shared lock for a few seconds, and a prune the operator confirmed should wait that out, not fail.
    /// </summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromMinutes(1);

    /// <summary>A one-use client that runs restic (backup, forget, restore) with the server's password: the caller disposes it.</summary>
    public ResticClient CreateClient(RegisteredRepository repository) => clients.CreateClient(repository, Password(repository).Password, lockWait: LockWait);

    /// <summary>Closes the repository's cached readers after a write, so the next page reads what it wrote.</summary>
    public void Invalidate(RegisteredRepository repository) => cache.Invalidate(repository.Name);

    private ResolvedPassword Password(RegisteredRepository repository) =>
        clients.StoredPassword(repository)
        ?? throw new ApiProblemException(StatusCodes.Status409Conflict, "No password", "The server holds no password for this repository (no password file, no token from POST /init), so the console cannot read it.");
}
