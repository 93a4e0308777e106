using System.Net;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Restic.Net.Execution;

namespace Restic.Net.Repository.Storage;

/// <summary>
/// A repository in an S3 bucket (Amazon S3 or an S3-compatible server), read with the AWS SDK: ListObjectsV2 page by
/// page, GET for whole files and ranged GET for blobs, in restic's default layout under the repository's prefix. It takes
/// the settings the CLI gives restic (endpoint and scheme, region, <c>s3.bucket-lookup</c>, the access key, secret key and
/// session token, the TLS flags) and no setting from the environment or <c>~/.aws</c>. Errors are typed as for REST: 401/403
/// is <see cref="ResticBackendAccessDeniedException"/>, a missing bucket reads as a missing repository, no connection,
/// 408, 429 and 5xx are <see cref="ResticBackendUnreachableException"/>, a request past the timeout
/// <see cref="ResticTimeoutException"/>.
/// </summary>
internal sealed partial class S3Storage : RemoteStorage
{
    private readonly AmazonS3Client _client;
    private readonly HttpClient _http;
    private readonly string _bucket;
    private readonly string _prefix;
    private readonly string[] _secrets;

    /// <summary>A storage that signs for <see cref="S3Repository.Region"/>, else for the region of the endpoint's AWS host name or us-east-1; <see cref="OpenAsync"/> asks the bucket.</summary>
    public S3Storage(S3Repository repository, TimeSpan requestTimeout)
        : this(repository, requestTimeout, null)
    {
    }

    private S3Storage(S3Repository repository, TimeSpan requestTimeout, string? region)
        : base(repository.RedactedLocation, "S3 server", requestTimeout)
    {
        // The CLI path's checks (key pairs, region, prefix), so that both paths refuse the same repositories.
        repository.ApplyTo(new ResticEnvironment());
        if (!HasKeys(repository))
        {
            throw new NotSupportedException("The native reader needs S3Repository.AccessKeyId and SecretAccessKey; without them restic reads the credentials (ResticClient).");
        }

        _bucket = repository.Bucket;
        var prefix = repository.Prefix?.Trim('/');
        _prefix = string.IsNullOrEmpty(prefix) ? string.Empty : prefix + "/";
        _secrets = new[] { repository.SecretAccessKey, repository.SessionToken }.Where(secret => !string.IsNullOrEmpty(secret)).Select(secret => secret!).ToArray();

        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = requestTimeout };
        TlsValidation.Apply(handler, repository.CaCertificateFiles, repository.ClientCertificateFile, repository.InsecureTls);

        // The timeout covers each request with its body (WithTimeoutAsync), which HttpClient.Timeout would not.
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var serviceUrl = repository.Endpoint.Contains("://", StringComparison.Ordinal) ? repository.Endpoint : "https://" + repository.Endpoint;
        var host = new Uri(serviceUrl).Host;
        SigningRegion = region ?? repository.Region ?? RegionOf(host);
        var config = new AmazonS3Config
        {
            ServiceURL = serviceUrl,
            AuthenticationRegion = SigningRegion,
            ForcePathStyle = !VirtualHost(repository.BucketLookup, serviceUrl, host, repository.Bucket),
            HttpClientFactory = new S3HttpClientFactory(_http),

            // Everything the SDK would otherwise take from AWS_* variables or ~/.aws/config is set here, so that only the
            // repository decides. No retries: a transient failure is typed as such for the caller's policy, as for REST.
            IgnoreConfiguredEndpointUrls = true,
            DefaultConfigurationMode = DefaultConfigurationMode.Standard,
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = 0,
            ThrottleRetries = false,
            UseFIPSEndpoint = false,
            UseDualstackEndpoint = false,
            UseAccelerateEndpoint = false,
            UseArnRegion = false,
            DisableMultiregionAccessPoints = true,
            DisableS3ExpressSessionAuth = true,
            DisableRequestCompression = true,
            EndpointDiscoveryEnabled = false,
            AccountIdEndpointMode = AccountIdEndpointMode.DISABLED,
            AuthSchemePreference = ["sigv4"], // what restic (minio-go) signs with; an AWS_AUTH_SCHEME_PREFERENCE of sigv4a is not ours

            // restic checks every byte by its hash and MAC; a ranged GET has no object checksum to check anyway.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            DisableLogging = true,
            LogResponse = false,
            LogMetrics = false,
        };
        AWSCredentials credentials = repository.SessionToken is { } token
            ? new SessionAWSCredentials(repository.AccessKeyId, repository.SecretAccessKey, token)
            : new BasicAWSCredentials(repository.AccessKeyId, repository.SecretAccessKey);
        _client = new IsolatedS3Client(credentials, config);
    }

    /// <summary>The region requests are signed for.</summary>
    public string SigningRegion { get; }

    /// <summary>Keys asked for per ListObjectsV2 page; S3's maximum (and default) is 1,000. Tests lower it to see paging.</summary>
    public int ListPageSize { get; init; } = 1000;

    /// <summary>
    /// True for a repository the storage can open: one with an access key and secret key. Without them restic uses its
    /// default chain (a profile, the shared credentials file, the instance's IAM role), which the reader does not read.
    /// </summary>
    public static bool HasKeys(S3Repository repository) =>
        !string.IsNullOrEmpty(repository.AccessKeyId) && !string.IsNullOrEmpty(repository.SecretAccessKey);

    public override async Task<IReadOnlyList<string>> ListAsync(FileKind kind, CancellationToken cancellationToken)
    {
        var folder = _prefix + FolderOf(kind) + "/";
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = folder, MaxKeys = ListPageSize };
        var names = new List<string>();
        do
        {
            // Each page is one request, and the timeout is per request: a long listing is not a slow one.
            var page = await WithTimeoutAsync(
                FolderOf(kind) + "/",
                token => SendAsync(FolderOf(kind) + "/", send => _client.ListObjectsV2Async(request, send), token),
                cancellationToken).ConfigureAwait(false);
            foreach (var entry in page.S3Objects ?? [])
            {
                // Only the folder's own files: anything deeper or not named by a storage id is not restic's.
                var name = entry.Key.Length > folder.Length ? entry.Key[folder.Length..] : null;
                if (IsStorageId(name))
                {
                    names.Add(name!);
                }
            }

            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);

        return names;
    }

    /// <summary>
    /// Opens the storage as restic does: without <see cref="S3Repository.Region"/> (and no region in an AWS endpoint's host
    /// name), it first asks the bucket for its location (GetBucketLocation, signed for us-east-1, which AWS answers for a
    /// bucket in any region) and signs for that region. A server that refuses the question (no permission, no such
    /// bucket, not implemented) leaves us-east-1, as with minio-go; the next request then reports what is wrong.
    /// </summary>
    public static async Task<S3Storage> OpenAsync(S3Repository repository, TimeSpan requestTimeout, CancellationToken cancellationToken)
    {
        var storage = new S3Storage(repository, requestTimeout);
        var serviceUrl = repository.Endpoint.Contains("://", StringComparison.Ordinal) ? repository.Endpoint : "https://" + repository.Endpoint;
        if (repository.Region is not null || AwsRegionalHost().IsMatch(new Uri(serviceUrl).Host))
        {
            return storage;
        }

        try
        {
            var region = await storage.WithTimeoutAsync("the bucket's location", token => storage.SendAsync("the bucket's location", async send =>
            {
                try
                {
                    var answer = await storage._client.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = storage._bucket }, send).ConfigureAwait(false);

                    // S3 answers nothing for us-east-1, and "EU" for eu-west-1's oldest buckets.
                    var location = answer.Location?.Value;
                    return string.IsNullOrEmpty(location) ? "us-east-1" : location == "EU" ? "eu-west-1" : location;
                }
                catch (AmazonServiceException exception) when (exception.StatusCode != 0)
                {
                    return null;
                }
            }, token), cancellationToken).ConfigureAwait(false);
            if (region is null || region == storage.SigningRegion)
            {
                return storage;
            }

            storage.Dispose();
            return new S3Storage(repository, requestTimeout, region);
        }
        catch
        {
            storage.Dispose();
            throw;
        }
    }

    public override Task<byte[]> ReadAllAsync(FileKind kind, string name, long maxSize, CancellationToken cancellationToken) =>
        WithTimeoutAsync(PathOf(kind, name), token => ReadAllCoreAsync(kind, name, maxSize, token), cancellationToken);

    public override Task ReadAsync(FileKind kind, string name, long offset, Memory<byte> buffer, CancellationToken cancellationToken) =>
        WithTimeoutAsync(PathOf(kind, name), async token =>
        {
            await ReadCoreAsync(kind, name, offset, buffer, token).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public override void Dispose()
    {
        // Marked before the client goes: a request it cancels then reads as the disposal it is, not as a dead server.
        if (MarkDisposed())
        {
            _client.Dispose();
            _http.Dispose();
        }

        base.Dispose();
    }

    private async Task<byte[]> ReadAllCoreAsync(FileKind kind, string name, long maxSize, CancellationToken cancellationToken)
    {
        var path = PathOf(kind, name);
        var request = new GetObjectRequest { BucketName = _bucket, Key = _prefix + path };
        using var response = await SendAsync(path, token => _client.GetObjectAsync(request, token), cancellationToken).ConfigureAwait(false);
        if (response.ContentLength > maxSize)
        {
            throw TooLarge(kind, name, response.ContentLength, maxSize);
        }

        return await ReadBodyAsync(path, async () =>
        {
            // Read no further than the limit, whatever the server announced.
            using var content = new MemoryStream((int)Math.Min(Math.Clamp(response.ContentLength, 0, maxSize), Array.MaxLength));
            var chunk = new byte[81_920];
            int read;
            while ((read = await response.ResponseStream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (content.Length + read > maxSize)
                {
                    throw TooLarge(kind, name, null, maxSize);
                }

                content.Write(chunk, 0, read);
            }

            return content.Length == content.Capacity ? content.GetBuffer() : content.ToArray();
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task ReadCoreAsync(FileKind kind, string name, long offset, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (buffer.IsEmpty)
        {
            return;
        }

        var path = PathOf(kind, name);
        var request = new GetObjectRequest { BucketName = _bucket, Key = _prefix + path, ByteRange = new ByteRange(offset, offset + buffer.Length - 1) };
        GetObjectResponse response;
        try
        {
            response = await SendAsync(path, token => _client.GetObjectAsync(request, token), cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            // The range starts at or past the end: the file is shorter than the index says.
            throw new EndOfStreamException($"{path} ends before byte {offset + buffer.Length}.");
        }

        using (response)
        {
            if (response.HttpStatusCode != HttpStatusCode.PartialContent && offset != 0)
            {
                // A server without range requests ignores them every time: not transient.
                throw new ResticCommandException($"The S3 server at {Location} ignored the range request for {path} (answered {(int)response.HttpStatusCode} instead of 206).", null, null, null, null);
            }

            await ReadBodyAsync(path, async () =>
            {
                var done = 0;
                while (done < buffer.Length)
                {
                    var read = await response.ResponseStream.ReadAsync(buffer[done..], cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        throw new EndOfStreamException($"{path} ends before byte {offset + buffer.Length}.");
                    }

                    done += read;
                }

                return true;
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a response body; a connection that breaks in the middle is unreachable, as for REST.</summary>
    private async Task<T> ReadBodyAsync<T>(string path, Func<Task<T>> read, CancellationToken cancellationToken)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException and not EndOfStreamException && !cancellationToken.IsCancellationRequested)
        {
            throw new ResticBackendUnreachableException($"The connection to the S3 server at {Location} broke while reading {path}: {Redact(exception.Message)}", null, null, null, null);
        }
    }

    // The SDK reports an abandoned request as its own exceptions too (a client error, or a service error without a status).
    protected override bool IsAbandonedRequest(Exception exception) =>
        base.IsAbandonedRequest(exception) || exception is AmazonClientException or AmazonServiceException { StatusCode: 0 };

    /// <summary>Sends one SDK request and types its failure as the reader's errors.</summary>
    private async Task<T> SendAsync<T>(string path, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await send(cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException exception) when (exception.StatusCode is not (0 or HttpStatusCode.RequestedRangeNotSatisfiable) && !cancellationToken.IsCancellationRequested)
        {
            var what = Describe(exception);
            throw exception.StatusCode switch
            {
                HttpStatusCode.NotFound when exception.ErrorCode == "NoSuchBucket" =>
                    new FileNotFoundException($"The bucket {_bucket} does not exist.", path),
                HttpStatusCode.NotFound => new FileNotFoundException($"{path} does not exist.", path),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                    new ResticBackendAccessDeniedException($"The S3 server at {Location} refused access ({what}).", null, null, null, null),
                HttpStatusCode.MovedPermanently or HttpStatusCode.Redirect or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect =>
                    new ResticCommandException($"The S3 server at {Location} redirected {path} ({what}); the bucket is in another region: set S3Repository.Region.", null, null, null, null),

                // The statuses HTTP clients retry: the server may recover.
                HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError =>
                    new ResticBackendUnreachableException($"The S3 server at {Location} answered {what} for {path}.", null, null, null, null),
                _ => new ResticCommandException($"The S3 server at {Location} answered {what} for {path}.", null, null, null, null),
            };
        }
        catch (Exception exception) when (FindTlsFailure(exception) is { } tls)
        {
            // The TLS handshake failed: most often a server certificate nobody trusts (restic: "x509: ...").
            throw new ResticBackendCertificateException(
                $"The TLS connection to the S3 server at {Location} failed: {tls.Message} Trust the server's certificate authority with CaCertificateFiles, or check ClientCertificateFile.",
                null, null, tls.Message, null);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or AmazonClientException or AmazonServiceException { StatusCode: 0 } &&
            !cancellationToken.IsCancellationRequested)
        {
            // No answer at all (connection refused, reset, a name that does not resolve), however the SDK wraps it.
            throw new ResticBackendUnreachableException($"The S3 server at {Location} is unreachable: {Redact(Innermost(exception).Message)}", null, null, null, null);
        }
    }

    /// <summary>
    /// The status, the error code and the server's message when it sent one; a HEAD or bodiless error (as a 403 often is)
    /// has only the SDK's generic sentence, which says nothing more than the status.
    /// </summary>
    private string Describe(AmazonServiceException exception)
    {
        var text = $"{(int)exception.StatusCode} {exception.ErrorCode ?? exception.StatusCode.ToString()}";
        return string.IsNullOrEmpty(exception.Message) || exception.Message.StartsWith("Error making request", StringComparison.Ordinal)
            ? text
            : $"{text}: {Redact(exception.Message)}";
    }

    private static System.Security.Authentication.AuthenticationException? FindTlsFailure(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is System.Security.Authentication.AuthenticationException tls)
            {
                return tls;
            }
        }

        return null;
    }

    private static Exception Innermost(Exception exception)
    {
        // The SDK wraps transport failures; the innermost message names the cause (connection refused).
        var current = exception;
        while (current.InnerException is { } inner)
        {
            current = inner;
        }

        return current;
    }

    /// <summary>Server messages are passed on; the secrets are masked in case a server echoes one.</summary>
    private string Redact(string message)
    {
        foreach (var secret in _secrets)
        {
            message = message.Replace(secret, "***", StringComparison.Ordinal);
        }

        return message;
    }

    /// <summary>
    /// restic's automatic bucket lookup (minio-go): virtual-host style for Amazon's, Google's and Aliyun's endpoints
    /// (unless a dotted bucket name would break the certificate over https), path style for any other server.
    /// </summary>
    private static bool VirtualHost(S3BucketLookup lookup, string serviceUrl, string host, string bucket) => lookup switch
    {
        S3BucketLookup.Dns => true,
        S3BucketLookup.Path => false,
        _ => (host.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".amazonaws.com.cn", StringComparison.OrdinalIgnoreCase)
                || host.EndsWith(".googleapis.com", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".aliyuncs.com", StringComparison.OrdinalIgnoreCase))
            && !(serviceUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && bucket.Contains('.', StringComparison.Ordinal)),
    };

    /// <summary>
    /// The signing region when the repository names none: the one in an AWS endpoint's host name
    /// (<c>s3.eu-central-1.amazonaws.com</c>), else us-east-1, which S3-compatible servers accept.
    /// </summary>
    private static string RegionOf(string host) => AwsRegionalHost().Match(host) is { Success: true } match ? match.Groups[1].Value : "us-east-1";

    [GeneratedRegex(@"^s3[.-](?:dualstack\.)?([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AwsRegionalHost();
}
