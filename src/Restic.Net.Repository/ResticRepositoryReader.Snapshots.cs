using System.Collections.Concurrent;
using System.Text.Json;
using Restic.Net.Repository.Snapshots;
using Restic.Net.Repository.Storage;
using Restic.Net.Serialization;

namespace Restic.Net.Repository;

public sealed partial class ResticRepositoryReader
{
    // Snapshot files never change (a changed snapshot is a new file): each is read and decrypted once.
    private readonly ConcurrentDictionary<string, Snapshot> _snapshots = new(StringComparer.Ordinal);

    /// <summary>
    /// Lists the snapshots (<c>restic snapshots</c>), oldest first, as <see cref="IResticClient.GetSnapshotsAsync"/>
    /// returns them. Lists the <c>snapshots</c> folder on every call; reads and decrypts only the snapshots it has not seen.
    /// </summary>
    /// <param name="options">The filter and <c>--latest</c>, or null for all snapshots.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The snapshots.</returns>
    public async Task<IReadOnlyList<Snapshot>> GetSnapshotsAsync(SnapshotsOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        options ??= new SnapshotsOptions();
        options.Validate();
        SnapshotMatching.Validate(options.Filter);
        var all = await LoadSnapshotsAsync(cancellationToken).ConfigureAwait(false);
        return SnapshotMatching.Select(all, options.Filter, options.Latest);
    }

    /// <summary>Finds the snapshot a reference names, as restic resolves it.</summary>
    /// <param name="snapshot">An id, an id prefix of at least 4 hex digits, or <see cref="SnapshotReference.Latest"/> (its subfolder is ignored).</param>
    /// <param name="filter">Narrows which snapshot <c>latest</c> means, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ResticSnapshotNotFoundException">No snapshot matches, or a prefix matches several.</exception>
    public async Task<Snapshot> GetSnapshotAsync(SnapshotReference snapshot, SnapshotFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        if (snapshot == default)
        {
            throw new ArgumentException("A snapshot reference is required.", nameof(snapshot));
        }

        SnapshotMatching.Validate(filter);

        // A full id is read directly, without listing the folder, and every time: a forget may have removed it.
        if (!snapshot.IsLatest && snapshot.Snapshot.Length == SnapshotId.FullLength)
        {
            try
            {
                return await LoadSnapshotAsync(snapshot.Snapshot, cancellationToken).ConfigureAwait(false);
            }
            catch (ResticRepositoryChangedException)
            {
                _snapshots.TryRemove(snapshot.Snapshot, out _);
                throw NotFound(snapshot);
            }
        }

        var all = await LoadSnapshotsAsync(cancellationToken).ConfigureAwait(false);
        if (snapshot.IsLatest)
        {
            var matching = SnapshotMatching.Select(all, filter, null);
            return matching.Count > 0 ? matching[^1] : throw NotFound(snapshot);
        }

        var matches = all.Where(s => s.Id.Value.StartsWith(snapshot.Snapshot, StringComparison.Ordinal)).Take(2).ToArray();
        return matches.Length switch
        {
            1 => matches[0],
            0 => throw NotFound(snapshot),
            _ => throw new ResticSnapshotNotFoundException($"The snapshot id prefix {snapshot.Snapshot} is ambiguous: several snapshots start with it.", null, null, null, null),
        };
    }

    private static ResticSnapshotNotFoundException NotFound(SnapshotReference snapshot) =>
        new(snapshot.IsLatest ? "No snapshot matches latest (no snapshot found)." : $"No snapshot matches {snapshot.Snapshot} (no matching ID found).", null, null, null, null);

    private async Task<IReadOnlyList<Snapshot>> LoadSnapshotsAsync(CancellationToken cancellationToken)
    {
        var names = await ListAsync(FileKind.Snapshot, cancellationToken).ConfigureAwait(false);
        var listed = new HashSet<string>(names, StringComparer.Ordinal);
        foreach (var gone in _snapshots.Keys.Where(name => !listed.Contains(name)))
        {
            _snapshots.TryRemove(gone, out _);
        }

        var missing = names.Where(name => !_snapshots.ContainsKey(name)).ToArray();
        await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (name, token) =>
        {
            try
            {
                await LoadSnapshotAsync(name, token).ConfigureAwait(false);
            }
            catch (ResticRepositoryChangedException)
            {
                // Forgotten since the listing: as if it had not been listed.
            }
        }).ConfigureAwait(false);

        return names.Select(name => _snapshots.TryGetValue(name, out var snapshot) ? snapshot : null).OfType<Snapshot>().ToArray();
    }

    private async Task<Snapshot> LoadSnapshotAsync(string name, CancellationToken cancellationToken)
    {
        var json = await ReadAsync(FileKind.Snapshot, name, cancellationToken).ConfigureAwait(false);
        SnapshotDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(json.Span, ResticJsonContext.Default.SnapshotDto);
        }
        catch (JsonException exception)
        {
            throw new ResticRepositoryIntegrityException(_storage.PathOf(FileKind.Snapshot, name), "not a snapshot document.", exception);
        }

        if (dto is null || dto.Tree is null)
        {
            throw new ResticRepositoryIntegrityException(_storage.PathOf(FileKind.Snapshot, name), "the snapshot has no tree.");
        }

        // The same projection as the CLI path: the id is the file name, as restic prints it.
        dto.Id = name;
        var snapshot = dto.ToSnapshot();
        _snapshots[name] = snapshot;
        return snapshot;
    }

    private async Task<IReadOnlyList<string>> ListAsync(FileKind kind, CancellationToken cancellationToken)
    {
        try
        {
            return await _storage.ListAsync(kind, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException exception)
        {
            throw new ResticRepositoryNotFoundException($"The repository at {_storage.Location} lacks its {kind.ToString().ToLowerInvariant()} folder.", null, null, exception.Message, null);
        }
    }
}
