using System.Net;
using System.Text;

namespace Restic.Net.Repository.Tests.Support;

/// <summary>
/// A plain web server over a repository folder, as someone may put one where a restic REST server belongs: it
/// answers every file whole (200, range requests ignored) and lists a folder as an HTML page, or, with
/// <see cref="JsonListings"/>, as restic's REST API version 1 name list (a REST server without range requests;
/// <c>data/NAME</c> is served from <c>data/NA/NAME</c>, as rest-server stores it). <see cref="StatusOf"/> makes it
/// answer a status of its choosing instead.
/// </summary>
internal sealed class PlainHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly Task _serving;

    public PlainHttpServer(string root)
    {
        _root = root;
        Port = ServerProcess.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = ServeAsync();
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    /// <summary>Folders listed as JSON names (a REST server without range requests) instead of an HTML page.</summary>
    public bool JsonListings { get; set; }

    /// <summary>The status to answer for a request path instead of its content; null to serve it.</summary>
    public Func<string, HttpStatusCode?> StatusOf { get; set; } = _ => null;

    /// <summary>How many requests carried a Range header (which this server ignores).</summary>
    public int RangeRequests => Volatile.Read(ref _rangeRequests);

    private int _rangeRequests;

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _serving.ContinueWith(_ => { }, TaskScheduler.Default);
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Answer(context));
        }
    }

    private void Answer(HttpListenerContext context)
    {
        using var response = context.Response;
        var path = context.Request.Url!.AbsolutePath;
        if (context.Request.Headers["Range"] is not null)
        {
            Interlocked.Increment(ref _rangeRequests);
        }

        if (StatusOf(path) is { } status)
        {
            response.StatusCode = (int)status;
            return;
        }

        var local = Path.Combine(_root, path.TrimStart('/'));
        if (path.StartsWith("/data/", StringComparison.Ordinal) && path.Length > "/data/".Length + 2)
        {
            var name = path["/data/".Length..];
            local = Path.Combine(_root, "data", name[..2], name);
        }

        byte[] body;
        if (path.EndsWith('/') && Directory.Exists(local))
        {
            var names = (JsonListings && path == "/data/" ? Directory.EnumerateFiles(local, "*", SearchOption.AllDirectories) : Directory.EnumerateFileSystemEntries(local))
                .Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            body = JsonListings
                ? Encoding.UTF8.GetBytes("[" + string.Join(",", names.Select(n => $"\"{n}\"")) + "]")
                : Encoding.UTF8.GetBytes("<html><body><ul>" + string.Concat(names.Select(n => $"<li><a href=\"{n}\">{n}</a></li>")) + "</ul></body></html>");
            response.ContentType = JsonListings ? "application/json" : "text/html";
        }
        else if (File.Exists(local))
        {
            body = File.ReadAllBytes(local);
        }
        else
        {
            response.StatusCode = (int)HttpStatusCode.NotFound;
            return;
        }

        response.StatusCode = (int)HttpStatusCode.OK;
        response.ContentLength64 = body.Length;
        try
        {
            response.OutputStream.Write(body);
        }
        catch (HttpListenerException)
        {
            // The reader stopped reading (it read what it needed from a whole file).
        }
    }
}
