namespace Restic.Net;

/// <summary>How restic addresses an S3 bucket (<c>-o s3.bucket-lookup</c>).</summary>
public enum S3BucketLookup
{
    /// <summary>restic decides, as its S3 library does: virtual-host style for Amazon S3, Google Cloud Storage and Aliyun OSS endpoints, path style for every other endpoint.</summary>
    Auto = 0,

    /// <summary>Virtual-host style: <c>https://bucket.endpoint/key</c>.</summary>
    Dns = 1,

    /// <summary>Path style: <c>https://endpoint/bucket/key</c>; what most self-hosted S3 servers (MinIO, Ceph, ...) need.</summary>
    Path = 2,
}
