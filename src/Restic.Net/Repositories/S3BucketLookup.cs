namespace Restic.Net;

/// <summary>How restic addresses an S3 bucket (<c>-o s3.bucket-lookup</c>).</summary>
public enum S3BucketLookup
{
    /// <summary>restic decides: virtual-host style for AWS and DNS names, path style for IP addresses and localhost.</summary>
    Auto = 0,

    /// <summary>Virtual-host style: <c>https://bucket.endpoint/key</c>.</summary>
    Dns = 1,

    /// <summary>Path style: <c>https://endpoint/bucket/key</c>; what most self-hosted S3 servers (MinIO, Ceph, ...) need.</summary>
    Path = 2,
}
