namespace Restic.Net.Repository.Storage;

/// <summary>
/// A storage reached over the network (REST, S3): its redacted location, the request timeout that covers each
/// request with its body, and the disposal mark that tells a request cancelled by disposal from a dead server.
/// </summary>
internal abstract class RemoteStorage(string location, string server, TimeSpan requestTimeout) : RepositoryStorage
{
    private int _disposed;

    public override string Location => location;

    /// <summary>What the messages call the server: "REST server", "S3 server".</summary>
    protected string Server => server;

    protected TimeSpan RequestTimeout => requestTimeout;

    /// <summary>Marks the storage disposed; true the first time. Call it before releasing the clients.</summary>
    protected bool MarkDisposed() => Interlocked.Exchange(ref _disposed, 1) == 0;

    /// <summary>Whether a failure is how this storage's client reports a request it abandoned (cancelled, connection cut).</summary>
    protected virtual bool IsAbandonedRequest(Exception exception) =>
        exception is OperationCanceledException or HttpRequestException or IOException and not EndOfStreamException;

    /// <summary>
    /// Runs one request, body included, within the request timeout: a server that stops sending in the middle of a body
    /// fails the read with <see cref="ResticTimeoutException"/> instead of blocking it for good.
    /// </summary>
    protected async Task<T> WithTimeoutAsync<T>(string path, Func<CancellationToken, Task<T>> request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(requestTimeout);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, typeof(ResticRepositoryReader));
            return await request(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (Volatile.Read(ref _disposed) != 0 && exception is not ObjectDisposedException && !cancellationToken.IsCancellationRequested)
        {
            // Disposing the clients cancels their requests; they fail as cancelled or as a broken connection.
            throw new ObjectDisposedException($"The reader was disposed while it read {path} from the {server} at {location}.", exception);
        }
        catch (Exception exception) when (IsAbandonedRequest(exception) && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ResticTimeoutException(
                $"The {server} at {location} did not complete {path} within {requestTimeout.TotalSeconds:0.#} s (RequestTimeout).", null, null, null, requestTimeout);
        }
    }
}
