using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Restic.Net.Repository.Tests.Support;

/// <summary>
/// An HTTP/1.1 proxy in front of a real REST server that can stop sending in the middle of a response body, as a
/// server or network that hangs does: it forwards each GET to the server, sends the status, the headers (with the
/// full Content-Length) and the first half of the body, then neither sends more nor closes the connection.
/// </summary>
internal sealed class StallingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly HttpClient _upstream = new();
    private readonly Uri _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _connections = [];
    private readonly Task _accepting;

    public StallingProxy(Uri server)
    {
        _server = server;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Which request paths get half a body and then silence; none while null.</summary>
    public Func<string, bool>? StallBodyOf { get; set; }

    /// <summary>How many responses were cut off so far.</summary>
    public int Stalled => Volatile.Read(ref _stalled);

    private int _stalled;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_connections)
        {
            foreach (var connection in _connections)
            {
                connection.Dispose();
            }
        }

        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _upstream.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient connection;
            try
            {
                connection = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_connections)
            {
                _connections.Add(connection);
            }

            _ = Task.Run(() => ServeAsync(connection));
        }
    }

    private async Task ServeAsync(TcpClient connection)
    {
        try
        {
            var stream = connection.GetStream();
            while (await ReadRequestHeadAsync(stream) is { } head)
            {
                var lines = head.Split("\r\n");
                var path = lines[0].Split(' ')[1];
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server, path));
                foreach (var line in lines.Skip(1))
                {
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    var name = line[..colon];
                    if (name.Equals("Range", StringComparison.OrdinalIgnoreCase) || name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || name.Equals("Accept", StringComparison.OrdinalIgnoreCase))
                    {
                        request.Headers.TryAddWithoutValidation(name, line[(colon + 1)..].Trim());
                    }
                }

                using var response = await _upstream.SendAsync(request, _stop.Token);
                var body = await response.Content.ReadAsByteArrayAsync(_stop.Token);
                var reply = new StringBuilder($"HTTP/1.1 {(int)response.StatusCode} {response.ReasonPhrase}\r\nContent-Length: {body.Length}\r\n");
                foreach (var header in response.Content.Headers.Where(header => header.Key != "Content-Length"))
                {
                    reply.Append(header.Key).Append(": ").Append(string.Join(", ", header.Value)).Append("\r\n");
                }

                await stream.WriteAsync(Encoding.ASCII.GetBytes(reply.Append("\r\n").ToString()), _stop.Token);
                if (body.Length > 1 && StallBodyOf?.Invoke(path) == true)
                {
                    await stream.WriteAsync(body.AsMemory(0, body.Length / 2), _stop.Token);
                    await stream.FlushAsync(_stop.Token);
                    Interlocked.Increment(ref _stalled);
                    await Task.Delay(Timeout.Infinite, _stop.Token); // silence, the connection left open
                }

                await stream.WriteAsync(body, _stop.Token);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The client hung up, or the proxy stops.
        }
        finally
        {
            connection.Dispose();
        }
    }

    // The request line and headers, up to the blank line; null when the client closed the connection.
    private async Task<string?> ReadRequestHeadAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!(head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                return null;
            }

            head.Add(one[0]);
        }

        return Encoding.ASCII.GetString(head.ToArray(), 0, head.Count - 4);
    }
}
