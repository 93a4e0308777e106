using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Restic.Net.Output;

/// <summary>
/// The buffer between restic's output reader and a stream's consumer. Writing never waits, so a
/// slow consumer cannot stall restic. Status events are coalesced latest-wins: at most one status
/// waits at any time (a newer one removes it and queues at the end); every other event is kept.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
internal sealed class EventQueue<T>
    where T : class
{
    private readonly LinkedList<T> _items = new();
    private readonly Lock _gate = new();
    private LinkedListNode<T>? _waitingStatus;
    private TaskCompletionSource _signal = NewSignal();
    private bool _completed;
    private bool _delivered;

    /// <summary>Whether the consumer has taken at least one event.</summary>
    public bool HasDelivered
    {
        get
        {
            lock (_gate)
            {
                return _delivered;
            }
        }
    }

    /// <summary>Adds an event; a coalescible one replaces the coalescible event still waiting, if any.</summary>
    public void Write(T item, bool coalescible = false)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            if (coalescible && _waitingStatus is { } older)
            {
                _items.Remove(older);
            }

            var node = _items.AddLast(item);
            if (coalescible)
            {
                _waitingStatus = node;
            }

            signal = _signal;
        }

        signal.TrySetResult();
    }

    /// <summary>No more events will come.</summary>
    public void Complete()
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            _completed = true;
            signal = _signal;
        }

        signal.TrySetResult();
    }

    /// <summary>Reads events in order until the queue is completed and empty.</summary>
    public async IAsyncEnumerable<T> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (TryTake(out var item, out var wait))
            {
                yield return item;
                continue;
            }

            if (wait is null)
            {
                yield break;
            }

            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private bool TryTake([MaybeNullWhen(false)] out T item, out Task? wait)
    {
        lock (_gate)
        {
            if (_items.First is { } first)
            {
                _items.RemoveFirst();
                if (first == _waitingStatus)
                {
                    _waitingStatus = null;
                }

                _delivered = true;
                item = first.Value;
                wait = null;
                return true;
            }

            item = null;
            if (_completed)
            {
                wait = null;
                return false;
            }

            // A signal that fired for events already taken is replaced before waiting again.
            if (_signal.Task.IsCompleted)
            {
                _signal = NewSignal();
            }

            wait = _signal.Task;
            return false;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
