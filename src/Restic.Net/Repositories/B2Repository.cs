using Restic.Net.Execution;

namespace Restic.Net;

/// <summary>A repository in a Backblaze B2 bucket: <c>b2:bucket:path</c>. Credentials reach restic as <c>B2_ACCOUNT_ID</c>/<c>B2_ACCOUNT_KEY</c>.</summary>
public sealed record B2Repository : ResticRepository
{
    /// <summary>Creates a B2 repository.</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="path">A folder inside the bucket; null or empty for the bucket's root.</param>
    /// <exception cref="ArgumentException">The bucket is empty or malformed.</exception>
    public B2Repository(string bucket, string? path = null)
    {
        BackendSettings.Token(bucket, nameof(bucket), "The B2 bucket name", ":/\"'\\");
        Guard.NoNul(path);
        Bucket = bucket;
        Path = string.IsNullOrEmpty(path) ? null : path;
    }

    /// <summary>The bucket name.</summary>
    public string Bucket { get; }

    /// <summary>The folder inside the bucket, or null.</summary>
    public string? Path { get; }

    /// <summary>The application key id (<c>B2_ACCOUNT_ID</c>); set together with <see cref="ApplicationKey"/>.</summary>
    public string? AccountId { get; init; }

    /// <summary>The application key (<c>B2_ACCOUNT_KEY</c>); a secret.</summary>
    public string? ApplicationKey { get; init; }

    /// <inheritdoc />
    internal override string ToResticLocation() => Path is null ? "b2:" + Bucket : $"b2:{Bucket}:{Path}";

    /// <inheritdoc />
    internal override void ApplyTo(ResticEnvironment environment)
    {
        BackendSettings.Pair(AccountId, nameof(AccountId), ApplicationKey, nameof(ApplicationKey));
        base.ApplyTo(environment);
        BackendSettings.Set(environment, "B2_ACCOUNT_ID", AccountId, nameof(AccountId));
        BackendSettings.Set(environment, "B2_ACCOUNT_KEY", ApplicationKey, nameof(ApplicationKey));
    }

    /// <inheritdoc />
    internal override IEnumerable<string> GetSecrets() => ApplicationKey is { Length: > 0 } key ? [key] : [];
}
