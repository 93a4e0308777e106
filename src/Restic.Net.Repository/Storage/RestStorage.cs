using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Restic.Net.Repository.Storage;

/// <summary>
/// A repository on a REST server (rest-server, <c>rclone serve restic</c>), read with HTTP GET and range
/// requests as restic's REST protocol describes: <c>GET {path}/{type}/</c> lists (API version 2, falling
/// back to version 1's plain name list), <c>GET {path}/{type}/{name}</c> reads. What may pass (no connection, a
/// broken one, 408, 429, 5xx) is <see cref="ResticBackendUnreachableException"/> and a request past the timeout
/// <see cref="ResticTimeoutException"/>, both transient; a server that answers otherwise than restic's REST protocol
/// says answers so every time, and that is a <see cref="ResticCommandException"/>.
/// </summary>
internal sealed class RestStorage : RemoteStorage
{
    private static readonly MediaTypeWithQualityHeaderValue s_apiVersion2 = new("application/vnd.x.restic.rest.v2");

    private readonly HttpClient _http;
    private readonly Uri _base;

    public RestStorage(RestRepository repository, TimeSpan requestTimeout)
        : base(repository.RedactedLocation, "REST server", requestTimeout)
    {
        if (repository.Password is not null && repository.UserName is null)
        {
            throw new ArgumentException("RestRepository.Password requires UserName.", nameof(repository));
        }

        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        TlsValidation.Apply(handler, repository.CaCertificateFiles, repository.ClientCertificateFile, repository.InsecureTls);

        // The timeout covers each request with its body (below), which HttpClient.Timeout would not: it stops at the headers.
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        if (repository.UserName is { } user)
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{repository.Password}"));
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        }

        var url = repository.Url.AbsoluteUri;
        _base = new Uri(url.EndsWith('/') ? url : url + "/");
    }

    public override Task<IReadOnlyList<string>> ListAsync(FileKind kind, CancellationToken cancellationToken) =>
        WithTimeoutAsync(FolderOf(kind) + "/", token => ListCoreAsync(kind, token), cancellationToken);

    public override Task<byte[]> ReadAllAsync(FileKind kind, string name, long maxSize, CancellationToken cancellationToken) =>
        WithTimeoutAsync(PathOf(kind, name), token => ReadAllCoreAsync(kind, name, maxSize, token), cancellationToken);

    public override Task ReadAsync(FileKind kind, string name, long offset, Memory<byte> buffer, CancellationToken cancellationToken) =>
        WithTimeoutAsync(PathOf(kind, name), async token =>
        {
            await ReadCoreAsync(kind, name, offset, buffer, token).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    private async Task<IReadOnlyList<string>> ListCoreAsync(FileKind kind, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_base, FolderOf(kind) + "/"));
        request.Headers.Accept.Add(s_apiVersion2);
        using var response = await SendAsync(request, FolderOf(kind) + "/", cancellationToken).ConfigureAwait(false);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw new ResticBackendUnreachableException($"The connection to the REST server at {Location} broke while listing {FolderOf(kind)}/: {exception.Message}", null, null, null, null);
        }
        catch (JsonException exception)
        {
            // An answer that is no listing (a web server's HTML page) comes again: not transient.
            throw new ResticCommandException(
                $"The REST server at {Location} answered no readable listing of {FolderOf(kind)}/: {exception.Message} Is it a restic REST server (rest-server, rclone serve restic)?",
                null, null, null, null);
        }

        using var parsed = document;
        var names = new List<string>();
        if (document.RootElement.ValueKind == JsonValueKind.Array)
        {
            // Version 2: [{"name": ..., "size": ...}]; version 1: ["name", ...].
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                var name = entry.ValueKind == JsonValueKind.String ? entry.GetString()
                    : entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("name", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()
                    : null;
                if (IsStorageId(name))
                {
                    names.Add(name!);
                }
            }
        }

        return names;
    }

    private async Task<byte[]> ReadAllCoreAsync(FileKind kind, string name, long maxSize, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_base, PathOf(kind, name)));
        using var response = await SendAsync(request, PathOf(kind, name), cancellationToken).ConfigureAwait(false);
        if (response.Content.Headers.ContentLength is { } announced && announced > maxSize)
        {
            throw TooLarge(kind, name, announced, maxSize);
        }

        try
        {
            // Read no further than the limit, whatever the server announced (or did not).
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using var bodyLease = body.ConfigureAwait(false);
            using var content = new MemoryStream((int)Math.Min(response.Content.Headers.ContentLength ?? 81_920, maxSize));
            var chunk = new byte[81_920];
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (content.Length + read > maxSize)
                {
                    throw TooLarge(kind, name, null, maxSize);
                }

                content.Write(chunk, 0, read);
            }

            return content.Length == content.Capacity ? content.GetBuffer() : content.ToArray();
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw new ResticBackendUnreachableException($"The connection to the REST server at {Location} broke while reading {PathOf(kind, name)}: {exception.Message}", null, null, null, null);
        }
    }

    private async Task ReadCoreAsync(FileKind kind, string name, long offset, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_base, PathOf(kind, name)));
        request.Headers.Range = new RangeHeaderValue(offset, offset + buffer.Length - 1);
        using var response = await SendAsync(request, PathOf(kind, name), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.PartialContent && offset != 0)
        {
            // A server (or proxy) without range requests ignores them every time: not transient.
            throw new ResticCommandException($"The REST server at {Location} ignored the range request for {PathOf(kind, name)} (answered {(int)response.StatusCode} instead of 206).", null, null, null, null);
        }

        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using var bodyLease = body.ConfigureAwait(false);
            var done = 0;
            while (done < buffer.Length)
            {
                var read = await body.ReadAsync(buffer[done..], cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new EndOfStreamException($"{PathOf(kind, name)} ends before byte {offset + buffer.Length}.");
                }

                done += read;
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException and not EndOfStreamException && !cancellationToken.IsCancellationRequested)
        {
            throw new ResticBackendUnreachableException($"The connection to the REST server at {Location} broke while reading {PathOf(kind, name)}: {exception.Message}", null, null, null, null);
        }
    }

    public override string PathOf(FileKind kind, string name) => kind == FileKind.Config ? "config" : $"{FolderOf(kind)}/{name}";

    public override void Dispose()
    {
        // Marked before the client goes: a request it cancels then reads as the disposal it is, not as a dead server.
        if (MarkDisposed())
        {
            _http.Dispose();
        }

        base.Dispose();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string path, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception) when (exception.InnerException is System.Security.Authentication.AuthenticationException)
        {
            // The TLS handshake failed: most often a server certificate nobody trusts (restic: "x509: ...").
            throw new ResticBackendCertificateException(
                $"The TLS connection to the REST server at {Location} failed: {exception.InnerException.Message} Trust the server's certificate authority with CaCertificateFiles, or check ClientCertificateFile.",
                null, null, exception.InnerException.Message, null);
        }
        catch (HttpRequestException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ResticBackendUnreachableException($"The REST server at {Location} is unreachable: {exception.Message}", null, null, null, null);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw response.StatusCode switch
            {
                HttpStatusCode.NotFound => new FileNotFoundException($"{path} does not exist.", path),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                    new ResticBackendAccessDeniedException($"The REST server at {Location} refused access ({(int)response.StatusCode} {response.ReasonPhrase}).", null, null, null, null),
                // The statuses HTTP clients retry (as Microsoft.Extensions.Http.Resilience does): the server may recover.
                HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError =>
                    new ResticBackendUnreachableException($"The REST server at {Location} answered {(int)response.StatusCode} {response.ReasonPhrase} for {path}.", null, null, null, null),
                _ => new ResticCommandException($"The REST server at {Location} answered {(int)response.StatusCode} {response.ReasonPhrase} for {path}.", null, null, null, null),
            };
        }
    }
}
