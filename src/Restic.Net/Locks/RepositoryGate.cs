using System.Collections.Concurrent;

namespace Restic.Net.Locks;

/// <summary>
/// An in-process reader/writer gate per repository, so that a process never locks itself out:
/// commands that take restic's exclusive lock (forget, prune, check, ...) wait for the running
/// commands of every client on the same repository, and the others wait for them. First come,
/// first served; a waiting exclusive command holds back later shared ones, so it cannot starve.
/// </summary>
internal sealed class RepositoryGate
{
    private static readonly ConcurrentDictionary<string, RepositoryGate> s_gates = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private int _shared;
    private bool _exclusive;

    /// <summary>The gate of a repository location; one per location in the process.</summary>
    public static RepositoryGate For(string location) => s_gates.GetOrAdd(location, static _ => new RepositoryGate());

    /// <summary>Waits until the command may run; dispose the result when it has ended.</summary>
    public async Task<IDisposable> EnterAsync(bool exclusive, CancellationToken cancellationToken)
    {
        Waiter waiter;
        lock (_lock)
        {
            if (_waiters.Count == 0 && CanEnter(exclusive))
            {
                Take(exclusive);
                return new Release(this, exclusive);
            }

            waiter = new Waiter(exclusive);
            waiter.Node = _waiters.AddLast(waiter);
        }

        using (cancellationToken.UnsafeRegister(
            static (state, token) =>
            {
                var (gate, abandoned) = ((RepositoryGate, Waiter))state!;
                gate.Abandon(abandoned, token);
            },
            (this, waiter)))
        {
            await waiter.Entered.Task.ConfigureAwait(false);
        }

        return new Release(this, exclusive);
    }

    /// <summary>How many commands hold the gate now (for tests and diagnostics).</summary>
    public (int Shared, bool Exclusive, int Waiting) State
    {
        get
        {
            lock (_lock)
            {
                return (_shared, _exclusive, _waiters.Count);
            }
        }
    }

    private bool CanEnter(bool exclusive) => exclusive ? !_exclusive && _shared == 0 : !_exclusive;

    private void Take(bool exclusive)
    {
        if (exclusive)
        {
            _exclusive = true;
        }
        else
        {
            _shared++;
        }
    }

    private void Exit(bool exclusive)
    {
        List<Waiter> admitted;
        lock (_lock)
        {
            if (exclusive)
            {
                _exclusive = false;
            }
            else
            {
                _shared--;
            }

            admitted = AdmitWaiters();
        }

        admitted.ForEach(static w => w.Entered.TrySetResult());
    }

    private void Abandon(Waiter waiter, CancellationToken token)
    {
        List<Waiter> admitted;
        lock (_lock)
        {
            if (waiter.Node is null)
            {
                return; // Already admitted: the caller owns the gate and releases it.
            }

            _waiters.Remove(waiter.Node);
            waiter.Node = null;

            // A cancelled exclusive waiter may have held back shared ones behind it.
            admitted = AdmitWaiters();
        }

        waiter.Entered.TrySetCanceled(token);
        admitted.ForEach(static w => w.Entered.TrySetResult());
    }

    /// <summary>Admits waiters from the front while they are compatible. Call under the lock.</summary>
    private List<Waiter> AdmitWaiters()
    {
        List<Waiter> admitted = [];
        while (_waiters.First is { } first && CanEnter(first.Value.Exclusive))
        {
            _waiters.RemoveFirst();
            first.Value.Node = null;
            Take(first.Value.Exclusive);
            admitted.Add(first.Value);
        }

        return admitted;
    }

    private sealed class Waiter(bool exclusive)
    {
        public bool Exclusive { get; } = exclusive;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }
    }

    private sealed class Release(RepositoryGate gate, bool exclusive) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Exit(exclusive);
            }
        }
    }
}
