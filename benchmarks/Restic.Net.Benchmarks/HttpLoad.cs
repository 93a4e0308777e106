using System.Diagnostics;
using System.Globalization;

/// <summary>
/// The <c>http</c> mode: GET one URL from <c>concurrency</c> connections for <c>seconds</c> after a warm-up, and print
/// requests per second and latency percentiles (eng/benchmark-webapi.sh runs it against the web API sample).
/// Arguments: URL, API key, password token (empty: the repository's configured password file), seconds, concurrency.
/// </summary>
internal static class HttpLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 6)
        {
            Console.Error.WriteLine("usage: http URL API-KEY PASSWORD-TOKEN SECONDS CONCURRENCY");
            return 2;
        }

        var (url, key, token) = (args[1], args[2], args[3]);
        var seconds = int.Parse(args[4], CultureInfo.InvariantCulture);
        var concurrency = int.Parse(args[5], CultureInfo.InvariantCulture);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency });
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        if (token.Length > 0)
        {
            http.DefaultRequestHeaders.Add("X-Restic-Password-Token", token);
        }

        // Warm-up: the first request opens the reader (key derivation, index); the JIT settles.
        var first = Stopwatch.StartNew();
        (await http.GetAsync(url)).EnsureSuccessStatusCode();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first request: {first.Elapsed.TotalMilliseconds:0} ms"));
        await LoadAsync(http, url, TimeSpan.FromSeconds(2), concurrency);

        var (latencies, failures, elapsed) = await LoadAsync(http, url, TimeSpan.FromSeconds(seconds), concurrency);
        latencies.Sort();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{latencies.Count} requests in {elapsed.TotalSeconds:0.0} s from {concurrency} connections: {latencies.Count / elapsed.TotalSeconds:0} requests/s, " +
            $"p50 {Percentile(latencies, 0.50):0.00} ms, p95 {Percentile(latencies, 0.95):0.00} ms, p99 {Percentile(latencies, 0.99):0.00} ms, {failures} failed"));
        return failures == 0 ? 0 : 1;
    }

    private static async Task<(List<double> Latencies, int Failures, TimeSpan Elapsed)> LoadAsync(HttpClient http, string url, TimeSpan duration, int concurrency)
    {
        var latencies = new List<double>();
        var failures = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var own = new List<double>();
            var failed = 0;
            while (clock.Elapsed < duration)
            {
                var started = clock.Elapsed;
                using var response = await http.GetAsync(url).ConfigureAwait(false);
                await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    own.Add((clock.Elapsed - started).TotalMilliseconds);
                }
                else
                {
                    failed++;
                }
            }

            lock (latencies)
            {
                latencies.AddRange(own);
                failures += failed;
            }
        }).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        return (latencies, failures, clock.Elapsed);
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
