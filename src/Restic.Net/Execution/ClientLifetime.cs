namespace Restic.Net.Execution;

/// <summary>
/// Whether a client is disposed, and the restic runs its disposal stops and waits for. A run enters before
/// it starts restic and links its token to <see cref="Stopping"/>: disposal cancels it, so restic gets SIGINT
/// exactly as for a caller's cancellation, and then waits (bounded) until every run has ended, so that an
/// interrupted restic has removed its lock before the client lets go of anything.
/// </summary>
internal sealed class ClientLifetime : IDisposable
{
    // Set while a flow does housekeeping for this client: its runs must still run after disposal began.
    private static readonly AsyncLocal<ClientLifetime?> s_housekeeping = new();

    // Disposed once the runs drained. A call racing with disposal may link to it later: it links to the token taken
    // here (never to _stopping.Token), and linking to a cancelled source calls back at once, disposed or not.
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationToken _stoppingToken;
    private Task? _disposal;

    // The runs in flight, plus one for the client itself until disposal begins: zero means drained.
    private int _active = 1;
    private int _disposed;

    public ClientLifetime() => _stoppingToken = _stopping.Token;

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Cancelled when disposal begins.</summary>
    public CancellationToken Stopping => _stoppingToken;

    /// <summary>Throws <see cref="ObjectDisposedException"/> once disposal has begun.</summary>
    public void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(IsDisposed, typeof(ResticClient));

    /// <summary>
    /// Enters a run: throws <see cref="ObjectDisposedException"/> once disposal has begun. Inside
    /// <see cref="BeginHousekeeping"/> the run is not the client's own and this returns null.
    /// </summary>
    public RunScope? EnterRun(CancellationToken cancellationToken)
    {
        if (s_housekeeping.Value == this)
        {
            return null;
        }

        Interlocked.Increment(ref _active);
        if (IsDisposed)
        {
            Exit();
            ThrowIfDisposed();
        }

        return new RunScope(this, CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stoppingToken));
    }

    /// <summary>
    /// Marks the calling async method's flow as housekeeping until the result is disposed: the lock housekeeping after
    /// a run that was stopped (it removes the lock an interrupted restic left, so it must run during disposal; the run
    /// that needs it is what disposal waits for) and the version query that clients share (no one client's disposal
    /// may stop it). Their runs are neither stopped by disposal nor refused after it.
    /// </summary>
    /// <returns>Restores the flow when disposed.</returns>
    public HousekeepingScope BeginHousekeeping()
    {
        var previous = s_housekeeping.Value;
        s_housekeeping.Value = this;
        return new HousekeepingScope(previous);
    }

    /// <summary>The exception of a run that disposal stopped: the caller did not cancel, the client's owner let it go.</summary>
    public static ObjectDisposedException Interrupted(string operation, Exception stop) =>
        new($"The ResticClient was disposed while restic {operation} ran: restic was interrupted as on a cancellation.", stop);

    /// <summary>The exception of a native read that disposal stopped.</summary>
    public static ObjectDisposedException Interrupted(Exception stop) =>
        new("The ResticClient was disposed while it opened its native reader.", stop);

    /// <summary>
    /// Begins disposal once (later and concurrent calls get the same task): cancels <see cref="Stopping"/>, runs
    /// <paramref name="release"/> at once (the master key is zeroed before anything is awaited), then waits until the
    /// runs in flight ended or <paramref name="bound"/> passed.
    /// </summary>
    public Task DisposeAsync(TimeSpan bound, TimeProvider time, Action release)
    {
        if (Volatile.Read(ref _disposal) is { } running)
        {
            return running;
        }

        var disposal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (Interlocked.CompareExchange(ref _disposal, disposal.Task, null) is { } other)
        {
            return other;
        }

        Interlocked.Exchange(ref _disposed, 1);
        _ = CompleteAsync(disposal, bound, time, release);
        return disposal.Task;
    }

    private async Task CompleteAsync(TaskCompletionSource disposal, TimeSpan bound, TimeProvider time, Action release)
    {
        Exception? failure = null;
        try
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // a failing cancellation callback must not keep the key in memory; rethrown below
        catch (Exception ex)
        {
            failure = ex;
        }

        try
        {
            release();
        }
        catch (Exception ex)
        {
            failure ??= ex;
        }
#pragma warning restore CA1031

        Exit();
        try
        {
            await _drained.Task.WaitAsync(bound, time).ConfigureAwait(false);
            Dispose();
        }
        catch (TimeoutException)
        {
            // A run outlived every bound it has (SIGINT, kill, lock housekeeping): the client stops waiting for it.
        }

        if (failure is null)
        {
            disposal.SetResult();
        }
        else
        {
            disposal.SetException(failure);
        }
    }

    /// <summary>Releases the stopping token's source; <see cref="DisposeAsync"/> calls it once the runs drained.</summary>
    public void Dispose() => _stopping.Dispose();

    private void Exit()
    {
        if (Interlocked.Decrement(ref _active) == 0)
        {
            _drained.TrySetResult();
        }
    }

    /// <summary>Ends <see cref="BeginHousekeeping"/>.</summary>
    internal readonly struct HousekeepingScope(ClientLifetime? previous) : IDisposable
    {
        public void Dispose() => s_housekeeping.Value = previous;
    }

    /// <summary>One run in flight: its token is the caller's linked to <see cref="Stopping"/>.</summary>
    internal sealed class RunScope(ClientLifetime lifetime, CancellationTokenSource linked) : IDisposable
    {
        private int _exited;

        public CancellationToken Token => linked.Token;

        /// <summary>True when disposal, not the caller, stopped the run.</summary>
        public bool StoppedByDisposal(CancellationToken callerToken) => lifetime.Stopping.IsCancellationRequested && !callerToken.IsCancellationRequested;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _exited, 1) == 0)
            {
                linked.Dispose();
                lifetime.Exit();
            }
        }
    }
}
