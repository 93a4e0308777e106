using Restic.Net.Execution;

namespace Restic.Net;

/// <summary>
/// A repository in a Google Cloud Storage bucket: <c>gs:bucket:/path</c>. Credentials reach restic as
/// <c>GOOGLE_APPLICATION_CREDENTIALS</c> (a service account file) or <c>GOOGLE_ACCESS_TOKEN</c>; with neither,
/// restic uses Google's application default credentials.
/// </summary>
public sealed record GcsRepository : ResticRepository
{
    /// <summary>Creates a Google Cloud Storage repository.</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="path">The folder inside the bucket, starting with <c>/</c>; <c>/</c> for the root (restic requires a path).</param>
    /// <exception cref="ArgumentException">A value is empty or malformed.</exception>
    public GcsRepository(string bucket, string path = "/")
    {
        BackendSettings.Token(bucket, nameof(bucket), "The GCS bucket name", ":/\"'\\");
        Guard.NotNullOrEmptyNoNul(path);
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"The GCS path must start with '/' (use '/' for the bucket's root); got '{path}'.", nameof(path));
        }

        Bucket = bucket;
        Path = path;
    }

    /// <summary>The bucket name.</summary>
    public string Bucket { get; }

    /// <summary>The folder inside the bucket.</summary>
    public string Path { get; }

    /// <summary>The project id (<c>GOOGLE_PROJECT_ID</c>); needed only when restic creates the bucket.</summary>
    public string? ProjectId { get; init; }

    /// <summary>A service account key file (<c>GOOGLE_APPLICATION_CREDENTIALS</c>).</summary>
    public string? CredentialsFile { get; init; }

    /// <summary>An OAuth2 access token (<c>GOOGLE_ACCESS_TOKEN</c>); a secret; when set, restic uses no other authentication.</summary>
    public string? AccessToken { get; init; }

    /// <summary>The region for a bucket restic creates (<c>-o gs.region</c>, restic 0.16+).</summary>
    public string? Region { get; init; }

    /// <inheritdoc />
    internal override string ToResticLocation() => $"gs:{Bucket}:{Path}";

    /// <inheritdoc />
    internal override void ApplyTo(ResticEnvironment environment)
    {
        if (Region is not null)
        {
            BackendSettings.Token(Region, nameof(Region), "The GCS region");
        }

        base.ApplyTo(environment);
        BackendSettings.Set(environment, "GOOGLE_PROJECT_ID", ProjectId, nameof(ProjectId));
        BackendSettings.Set(environment, "GOOGLE_APPLICATION_CREDENTIALS", CredentialsFile is null ? null : System.IO.Path.GetFullPath(CredentialsFile), nameof(CredentialsFile));
        BackendSettings.Set(environment, "GOOGLE_ACCESS_TOKEN", AccessToken, nameof(AccessToken));
        BackendSettings.Option(environment, "gs.region", Region, nameof(Region));
    }

    /// <inheritdoc />
    internal override IEnumerable<string> GetSecrets() => AccessToken is { Length: > 0 } token ? [token] : [];
}
