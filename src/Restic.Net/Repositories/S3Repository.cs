using Restic.Net.Execution;

namespace Restic.Net;

/// <summary>
/// A repository in an S3 bucket (Amazon S3 or any S3-compatible server): <c>s3:endpoint/bucket/prefix</c>.
/// </summary>
/// <remarks>
/// Credentials reach restic only as environment variables (<c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c>,
/// <c>AWS_SESSION_TOKEN</c>). Without them restic uses its default chain: the shared credentials file
/// (<see cref="Profile"/>) or the instance's IAM role; set <see cref="ResticClientOptions.InheritEnvironment"/> to let
/// restic read the parent's <c>AWS_*</c> variables instead.
/// </remarks>
public sealed record S3Repository : ResticRepository
{
    /// <summary>Creates an S3 repository.</summary>
    /// <param name="endpoint">The server: a host name such as <c>s3.eu-central-1.amazonaws.com</c> (HTTPS), or a URL such as <c>http://127.0.0.1:9000</c> to choose the scheme.</param>
    /// <param name="bucket">The bucket name.</param>
    /// <exception cref="ArgumentException">The endpoint or bucket is empty or malformed.</exception>
    public S3Repository(string endpoint, string bucket)
    {
        Guard.NotNullOrEmptyNoNul(endpoint);
        var host = endpoint;
        if (endpoint.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || endpoint.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            host = endpoint[(endpoint.IndexOf("://", StringComparison.Ordinal) + 3)..];
        }
        else if (endpoint.Contains("://", StringComparison.Ordinal))
        {
            throw new ArgumentException($"The S3 endpoint must be a host name or an http:// or https:// URL; got '{endpoint}'.", nameof(endpoint));
        }

        host = host.TrimEnd('/');
        BackendSettings.Token(host, nameof(endpoint), "The S3 endpoint host", "/@\"'\\");
        BackendSettings.Token(bucket, nameof(bucket), "The S3 bucket name", "/:\"'\\");
        Endpoint = endpoint.TrimEnd('/');
        Bucket = bucket;
    }

    /// <summary>The endpoint as given: a host name or an http(s) URL.</summary>
    public string Endpoint { get; }

    /// <summary>The bucket name.</summary>
    public string Bucket { get; }

    /// <summary>A folder inside the bucket, such as <c>hosts/web1</c>; null for the bucket's root.</summary>
    public string? Prefix { get; init; }

    /// <summary>The region (<c>-o s3.region</c>); null lets restic detect it.</summary>
    public string? Region { get; init; }

    /// <summary>Path or virtual-host addressing (<c>-o s3.bucket-lookup</c>).</summary>
    public S3BucketLookup BucketLookup { get; init; } = S3BucketLookup.Auto;

    /// <summary>The access key id (<c>AWS_ACCESS_KEY_ID</c>); set together with <see cref="SecretAccessKey"/>, or neither for the default chain.</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>The secret access key (<c>AWS_SECRET_ACCESS_KEY</c>); a secret.</summary>
    public string? SecretAccessKey { get; init; }

    /// <summary>A session token for temporary credentials (<c>AWS_SESSION_TOKEN</c>); a secret.</summary>
    public string? SessionToken { get; init; }

    /// <summary>The profile of the shared credentials file (<c>AWS_PROFILE</c>).</summary>
    public string? Profile { get; init; }

    /// <summary>The shared credentials file (<c>AWS_SHARED_CREDENTIALS_FILE</c>); null for <c>~/.aws/credentials</c>.</summary>
    public string? SharedCredentialsFile { get; init; }

    /// <summary>PEM files of certificate authorities to trust in addition to the system's (<c>--cacert</c>); null for none.</summary>
    public IReadOnlyList<string>? CaCertificateFiles { get; init => field = ValueList<string>.Of(value); }

    /// <summary>A PEM file holding the TLS client certificate and its key (<c>--tls-client-cert</c>).</summary>
    public string? ClientCertificateFile { get; init; }

    /// <summary>Skips the TLS certificate check (<c>--insecure-tls</c>); for tests only.</summary>
    public bool InsecureTls { get; init; }

    /// <inheritdoc />
    internal override string ToResticLocation() =>
        $"s3:{Endpoint}/{Bucket}{(string.IsNullOrEmpty(Prefix) ? string.Empty : "/" + Prefix.Trim('/'))}";

    /// <inheritdoc />
    internal override void ApplyTo(ResticEnvironment environment)
    {
        Guard.NoNul(Prefix);
        BackendSettings.Pair(AccessKeyId, nameof(AccessKeyId), SecretAccessKey, nameof(SecretAccessKey));
        if (SessionToken is not null && AccessKeyId is null)
        {
            throw BackendSettings.Invalid("S3Repository.SessionToken requires AccessKeyId and SecretAccessKey.", nameof(SessionToken));
        }

        if (Region is not null)
        {
            BackendSettings.Token(Region, nameof(Region), "The S3 region");
        }

        base.ApplyTo(environment);
        BackendSettings.Set(environment, "AWS_ACCESS_KEY_ID", AccessKeyId, nameof(AccessKeyId));
        BackendSettings.Set(environment, "AWS_SECRET_ACCESS_KEY", SecretAccessKey, nameof(SecretAccessKey));
        BackendSettings.Set(environment, "AWS_SESSION_TOKEN", SessionToken, nameof(SessionToken));
        BackendSettings.Set(environment, "AWS_PROFILE", Profile, nameof(Profile));
        BackendSettings.Set(environment, "AWS_SHARED_CREDENTIALS_FILE", SharedCredentialsFile is null ? null : Path.GetFullPath(SharedCredentialsFile), nameof(SharedCredentialsFile));
        BackendSettings.Option(environment, "s3.region", Region, nameof(Region));
        if (BucketLookup != S3BucketLookup.Auto)
        {
            environment.ExtendedOptions.Add("s3.bucket-lookup=" + (BucketLookup == S3BucketLookup.Path ? "path" : "dns"));
        }

        BackendSettings.Tls(environment, CaCertificateFiles, ClientCertificateFile, InsecureTls);
    }

    /// <inheritdoc />
    internal override IEnumerable<string> GetSecrets() =>
        new[] { SecretAccessKey, SessionToken }.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!);
}
