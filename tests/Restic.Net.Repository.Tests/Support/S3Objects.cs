using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Restic.Net.Repository.Tests.Support;

/// <summary>The test's own view of an S3 repository's bucket (moto): what is stored, and uploading a local repository into it.</summary>
internal static class S3Objects
{
    /// <summary>Every object under the repository's prefix with its size, time and ETag, relative to the prefix.</summary>
    public static async Task<string[]> ListAsync(S3Repository repository)
    {
        using var client = Client(repository);
        var prefix = Prefix(repository);
        var request = new ListObjectsV2Request { BucketName = repository.Bucket, Prefix = prefix };
        var files = new List<string>();
        do
        {
            var page = await client.ListObjectsV2Async(request);
            files.AddRange((page.S3Objects ?? []).Select(entry => $"{entry.Key[prefix.Length..]} {entry.Size} {entry.LastModified:O} {entry.ETag}"));
            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);

        return files.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Creates the bucket (in <paramref name="bucketRegion"/>, else us-east-1) and copies a local repository's files into it under the repository's prefix.</summary>
    public static async Task UploadAsync(S3Repository repository, string folder, string? bucketRegion = null)
    {
        using var client = Client(repository);
        await client.PutBucketAsync(bucketRegion is null
            ? new PutBucketRequest { BucketName = repository.Bucket }
            : new PutBucketRequest { BucketName = repository.Bucket, BucketRegionName = bucketRegion, UseClientRegion = false });
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var key = Prefix(repository) + Path.GetRelativePath(folder, file).Replace('\\', '/');
            await client.PutObjectAsync(new PutObjectRequest { BucketName = repository.Bucket, Key = key, FilePath = file });
        }
    }

    /// <summary>Downloads every object under the repository's prefix into a local folder: a local copy of the repository.</summary>
    public static async Task DownloadAsync(S3Repository repository, string folder)
    {
        using var client = Client(repository);
        var prefix = Prefix(repository);
        var request = new ListObjectsV2Request { BucketName = repository.Bucket, Prefix = prefix };
        do
        {
            var page = await client.ListObjectsV2Async(request);
            foreach (var entry in page.S3Objects ?? [])
            {
                var file = Path.Combine(folder, entry.Key[prefix.Length..]);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                using var response = await client.GetObjectAsync(repository.Bucket, entry.Key);
                await using var target = File.Create(file);
                await response.ResponseStream.CopyToAsync(target);
            }

            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);
    }

    /// <summary>
    /// Makes the objects under the repository's prefix what a local folder holds: files new or changed since the last
    /// call (by length and time) uploaded, objects whose file is gone deleted. The bucket is created when missing.
    /// </summary>
    public static async Task SyncAsync(S3Repository repository, string folder)
    {
        using var client = Client(repository);
        try
        {
            await client.PutBucketAsync(new PutBucketRequest { BucketName = repository.Bucket });
        }
        catch (AmazonS3Exception exception) when (exception.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
        }

        var prefix = Prefix(repository);
        var local = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(file => prefix + Path.GetRelativePath(folder, file).Replace('\\', '/'), StringComparer.Ordinal);
        var stored = new HashSet<string>(StringComparer.Ordinal);
        var request = new ListObjectsV2Request { BucketName = repository.Bucket, Prefix = prefix };
        do
        {
            var page = await client.ListObjectsV2Async(request);
            stored.UnionWith((page.S3Objects ?? []).Select(entry => entry.Key));
            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);

        foreach (var key in stored.Where(key => !local.ContainsKey(key)))
        {
            await client.DeleteObjectAsync(repository.Bucket, key);
        }

        foreach (var (key, file) in local)
        {
            var info = new FileInfo(file);
            var state = (info.Length, info.LastWriteTimeUtc);
            if (stored.Contains(key) && s_synced.TryGetValue(file, out var synced) && synced == state)
            {
                continue;
            }

            await client.PutObjectAsync(new PutObjectRequest { BucketName = repository.Bucket, Key = key, FilePath = file });
            s_synced[file] = state;
        }
    }

    // What SyncAsync last uploaded of each local file.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Length, DateTime Time)> s_synced = new(StringComparer.Ordinal);

    private static string Prefix(S3Repository repository) => string.IsNullOrEmpty(repository.Prefix) ? string.Empty : repository.Prefix.Trim('/') + "/";

    private static AmazonS3Client Client(S3Repository repository) => new(
        new BasicAWSCredentials(repository.AccessKeyId, repository.SecretAccessKey),
        new AmazonS3Config
        {
            ServiceURL = repository.Endpoint,
            AuthenticationRegion = repository.Region ?? "us-east-1",
            ForcePathStyle = true,

            // As the reader does: nothing from AWS_* variables or ~/.aws, which a test run's machine may have.
            IgnoreConfiguredEndpointUrls = true,
            UseDualstackEndpoint = false,
            UseFIPSEndpoint = false,
            MaxErrorRetry = 0,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
}
