using Restic.Net.Repository.Tests.Support;

namespace Restic.Net.Repository.Tests.Conformance;

/// <summary>
/// The reader over a moto S3 server that checks every request's signature and permissions (IAM enforced): it reads what
/// it reads locally, and refused keys, a missing bucket and a stopped server are the typed errors REST has.
/// </summary>
public sealed class S3ServerTests(FormatVersion2Repository repository, MotoIamServer moto) :
    IClassFixture<FormatVersion2Repository>, IClassFixture<MotoIamServer>
{
    [Fact]
    public async Task Snapshots_listings_and_files_over_S3_equal_the_local_ones()
    {
        var location = moto.Repository("s3-reads", moto.AllowedKey) with { Prefix = "some/prefix" };
        await S3Objects.UploadAsync(location, repository.Repository);

        await using var local = await ResticRepositoryReader.OpenAsync(repository.Location, repository.Password);
        await using var remote = await ResticRepositoryReader.OpenAsync(location, repository.Password);
        Assert.Equal(local.Config with { Location = string.Empty }, remote.Config with { Location = string.Empty });
        Assert.Equal(location.RedactedLocation, remote.Config.Location);
        Assert.DoesNotContain(moto.AllowedKey.SecretAccessKey, remote.Config.Location, StringComparison.Ordinal);
        Assert.Equal(await local.GetSnapshotsAsync(), await remote.GetSnapshotsAsync());

        var nodes = await remote.GetNodesAsync(SnapshotReference.Latest).ToListAsync();
        Assert.Equal(await local.GetNodesAsync(SnapshotReference.Latest).ToListAsync(), nodes);
        foreach (var file in nodes.Where(node => node.Type == NodeType.File && !node.Path.Contains("/shared/", StringComparison.Ordinal)))
        {
            await using var stream = await remote.OpenFileAsync(SnapshotReference.Latest, file.Path);
            Bytes.AssertEqual(await File.ReadAllBytesAsync(file.Path), await Bytes.ReadAllAsync(stream), file.Path + " over S3");
        }
    }

    [Fact]
    public async Task A_wrong_secret_key_is_access_denied_and_the_message_holds_no_secret()
    {
        var location = moto.Repository("s3-denied", moto.AllowedKey);
        await S3Objects.UploadAsync(location, repository.Repository);
        const string WrongSecret = "wrong-secret-key-that-must-not-leak";
        var wrong = location with { SecretAccessKey = WrongSecret, SessionToken = null };

        var denied = await Assert.ThrowsAsync<ResticBackendAccessDeniedException>(() => ResticRepositoryReader.OpenAsync(wrong, repository.Password));

        Assert.False(denied.IsTransient);
        Assert.DoesNotContain(WrongSecret, denied.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(moto.AllowedKey.SecretAccessKey, denied.ToString(), StringComparison.Ordinal);

        // A valid key without any permission is refused the same way.
        var unprivileged = moto.Repository("s3-denied", moto.UnprivilegedKey);
        var refused = await Assert.ThrowsAsync<ResticBackendAccessDeniedException>(() => ResticRepositoryReader.OpenAsync(unprivileged, repository.Password));
        Assert.DoesNotContain(moto.UnprivilegedKey.SecretAccessKey, refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_bucket_or_prefix_is_no_repository()
    {
        var missingBucket = moto.Repository("no-such-bucket", moto.AllowedKey);
        var notFound = await Assert.ThrowsAsync<ResticRepositoryNotFoundException>(() => ResticRepositoryReader.OpenAsync(missingBucket, repository.Password));
        Assert.False(notFound.IsTransient);
        Assert.Contains("no-such-bucket", notFound.ToString(), StringComparison.Ordinal);

        var location = moto.Repository("s3-prefix", moto.AllowedKey) with { Prefix = "there" };
        await S3Objects.UploadAsync(location, repository.Repository);
        await Assert.ThrowsAsync<ResticRepositoryNotFoundException>(() => ResticRepositoryReader.OpenAsync(location with { Prefix = "elsewhere" }, repository.Password));
    }

    [Fact]
    public async Task A_server_that_is_gone_is_unreachable_not_a_hang()
    {
        var port = ServerProcess.FreePort();
        var gone = new S3Repository($"http://127.0.0.1:{port}", "bucket") { AccessKeyId = "id", SecretAccessKey = "gone-secret", Region = "us-east-1" };

        var ex = await Assert.ThrowsAsync<ResticBackendUnreachableException>(() =>
            ResticRepositoryReader.OpenAsync(gone, repository.Password, new ResticRepositoryReaderOptions { RequestTimeout = TimeSpan.FromSeconds(5) }));

        Assert.True(ex.IsTransient);
        Assert.DoesNotContain("gone-secret", ex.ToString(), StringComparison.Ordinal);
    }
}
