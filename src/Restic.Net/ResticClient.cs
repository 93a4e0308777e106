using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Restic.Net.CommandLines;
using Restic.Net.Diagnostics;
using Restic.Net.Execution;
using Restic.Net.NativeReads;
using Restic.Net.Output;
using Restic.Net.Processes;
using Restic.Net.Secrets;

namespace Restic.Net;

/// <summary>
/// The restic client for one repository. Immutable and thread-safe: register it as a singleton.
/// It copies its options when constructed.
/// </summary>
/// <remarks>
/// Dispose the client when done with it (<c>await using var client = new ResticClient(...)</c>); a client from
/// dependency injection belongs to the container, which disposes it. Disposal zeroes the master key of native
/// reads and releases their connection, and interrupts restic runs in flight (see <see cref="DisposeAsync"/>).
/// </remarks>
public partial class ResticClient : IResticClient, IAsyncDisposable, IDisposable
{
    private readonly ClientLifetime _lifetime = new();
    private readonly ResticExecutor _executor;
    private readonly NativeReadSession _native;

    /// <summary>Creates a client for a repository, with default options.</summary>
    /// <param name="repository">The repository.</param>
    /// <param name="password">The repository password source.</param>
    public ResticClient(ResticRepository repository, ResticPassword password)
        : this(new ResticClientOptions { Repository = repository, Password = password })
    {
    }

    /// <summary>Creates a client from options.</summary>
    /// <param name="options">The options; <see cref="ResticClientOptions.Repository"/> and <see cref="ResticClientOptions.Password"/> are required.</param>
    public ResticClient(ResticClientOptions options)
        : this(options, null, null)
    {
    }

    /// <summary>Creates a client from options, with logging and a time source.</summary>
    /// <param name="options">The options.</param>
    /// <param name="loggerFactory">Creates the client's logger; null for none.</param>
    /// <param name="timeProvider">The clock for durations and retry delays; null for the system clock.</param>
    public ResticClient(ResticClientOptions options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider = null)
        : this(options, CliWrapProcessRunner.Instance, loggerFactory, timeProvider)
    {
    }

    internal ResticClient(ResticClientOptions options, IResticProcessRunner runner, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(runner);
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ResticClient>();
        _executor = new ResticExecutor(new ResticSettings(options), runner, logger, timeProvider ?? TimeProvider.System, _lifetime);
        _native = new NativeReadSession(options.NativeReads, _executor.Settings.Repository, _executor.Settings.Password, _lifetime, logger, timeProvider ?? TimeProvider.System);
    }

    /// <summary>For mocking frameworks only.</summary>
    protected ResticClient()
    {
        _executor = null!;
        _native = null!;
    }

    /// <summary>
    /// The repository the client works on, as configured in <see cref="ResticClientOptions.Repository"/>.
    /// Its <see cref="ResticRepository.ToString"/> and <see cref="ResticRepository.RedactedLocation"/> hide credentials and are safe to log.
    /// </summary>
    public virtual ResticRepository Repository => _executor.Settings.Repository;

    /// <inheritdoc />
    public virtual Task<ResticVersion> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return _executor.GetVersionAsync(cancellationToken);
    }

    /// <summary>
    /// Disposes the client: zeroes the master key of native reads and releases their connection at once, then
    /// interrupts every restic run in flight gracefully, as a cancellation would (SIGINT, so that restic removes its
    /// lock; killed after <see cref="ResticClientOptions.ShutdownTimeout"/>), and waits until they ended: at most
    /// <see cref="ResticClientOptions.ShutdownTimeout"/> plus 15 seconds (a kill, and the lock housekeeping after it).
    /// </summary>
    /// <remarks>
    /// Idempotent and thread-safe: every call returns once the first one finished. Calls in flight throw
    /// <see cref="ObjectDisposedException"/> (a restic run, a native read at its next read of the repository, a stream
    /// at its next event); a call made after disposal began throws <see cref="ObjectDisposedException"/> before
    /// it validates its arguments or starts restic.
    /// </remarks>
    /// <returns>A task that completes when the client released everything.</returns>
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        Dispose(disposing: false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the client as <see cref="DisposeAsync"/> does, blocking the calling thread while it waits.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the client holds; a derived client overrides it to release its own resources.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>; false from <see cref="DisposeAsync"/>, after <see cref="DisposeAsyncCore"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            // The runs end on thread-pool threads, never on this one: blocking here cannot deadlock, and it is bounded.
            StopAsync().GetAwaiter().GetResult();
        }
    }

    /// <summary>The asynchronous part of <see cref="DisposeAsync"/>; a derived client overrides it to release its own resources.</summary>
    /// <returns>A task that completes when the client released everything.</returns>
    protected virtual ValueTask DisposeAsyncCore() => new(StopAsync());

    /// <summary>Throws <see cref="ObjectDisposedException"/> once disposal has begun.</summary>
    private void ThrowIfDisposed() => _lifetime.ThrowIfDisposed();

    private Task StopAsync() => _executor is null
        ? _lifetime.DisposeAsync(TimeSpan.Zero, TimeProvider.System, static () => { })
        : _lifetime.DisposeAsync(_executor.DisposeTimeout, _executor.Time, () => _native?.Dispose());

    /// <summary>
    /// Runs a streaming command: events flow through a queue that never blocks restic; when the
    /// consumer stops early the process is cancelled gracefully and awaited.
    /// </summary>
    private async IAsyncEnumerable<TEvent> StreamAsync<TEvent>(
        ResticCommand command,
        EventQueue<TEvent> queue,
        IResticOutputSink parser,
        Func<ResticRun, bool> isAccepted,
        Func<ResticRun, TEvent> complete,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TEvent : class
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = RunThenCompleteAsync(command, queue, parser, isAccepted, stop.Token, cancellationToken);
        try
        {
            // Not cancelled here: cancellation reaches restic as SIGINT, and the queue ends when restic has cleaned up.
            await foreach (var item in queue.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                yield return item;
            }

            yield return complete(await run.ConfigureAwait(false));
        }
        finally
        {
            if (!run.IsCompleted)
            {
                await stop.CancelAsync().ConfigureAwait(false);
                try
                {
                    await run.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The consumer stopped early; restic was interrupted on its behalf.
                }
                catch (ResticException)
                {
                    // Interrupted restic versions may exit with a failure code; the consumer is gone.
                }
                catch (ObjectDisposedException)
                {
                    // The client was disposed while the consumer left; restic was interrupted either way.
                }
            }
        }
    }

    private async Task<ResticRun> RunThenCompleteAsync<TEvent>(
        ResticCommand command,
        EventQueue<TEvent> queue,
        IResticOutputSink parser,
        Func<ResticRun, bool> isAccepted,
        CancellationToken processToken,
        CancellationToken callerToken)
        where TEvent : class
    {
        try
        {
            return await _executor.RunAsync(command, parser, processToken, isAccepted, () => queue.HasDelivered).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (callerToken.IsCancellationRequested && ex.CancellationToken != callerToken)
        {
            throw new OperationCanceledException(ex.Message, ex, callerToken);
        }
        finally
        {
            queue.Complete();
        }
    }

    /// <summary>The audit event of a successful operation; <paramref name="followUp"/> is the time of a second restic run it needed.</summary>
    private void LogCompleted(ResticRun run, TimeSpan followUp = default) =>
        Log.OperationCompleted(_executor.Logger, run.Command.Operation, _executor.RepositoryName, (long)(run.Duration + followUp).TotalMilliseconds);

    private ResticOutputException MissingOutput(ResticRun run, string what, Exception? inner = null, string? output = null)
    {
        const int MaxOutput = 400;
        var shown = output is null ? null : _executor.Settings.Redactor.Redact(output.Length > MaxOutput ? output[..MaxOutput] + "…" : output);
        var message = $"restic {run.Command.Operation} exited with code {run.ExitCode} but printed no {what}." +
            (shown is null ? string.Empty : $" It printed: {shown}") +
            (inner is null ? string.Empty : $" ({inner.Message})");
        return new ResticOutputException(message, run.ExitCode, run.CommandLine, run.StandardError, inner, shown);
    }
}
