using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>The typed <see cref="S3Repository"/> against the moto S3 server (which accepts any credentials, so wrong keys cannot be tested here).</summary>
[Collection(BackendCollection.Name)]
public sealed class S3BackendTests(MotoServer server) : IClassFixture<MotoServer>
{
    [Fact(Timeout = 180000)]
    public async Task Lifecycle_PathStyleWithPrefix_InitBackupRestoreCheckForgetPrune()
    {
        await BackendLifecycle.RunAsync(server.Repository("lifecycle-bucket", "hosts/web1") with { BucketLookup = S3BucketLookup.Path });
    }

    [Fact(Timeout = 180000)]
    public async Task Lifecycle_ParsedLocationWithKeys_InitBackupRestoreCheckForgetPrune()
    {
        var parsed = Assert.IsType<S3Repository>(ResticRepository.Parse($"s3:{server.Endpoint}/parsed-bucket"));
        await BackendLifecycle.RunAsync(parsed with { AccessKeyId = "moto", SecretAccessKey = "moto-secret" });
    }

    [Fact(Timeout = 120000)]
    public async Task ServerDown_ThrowsTypedErrorWithinBound_WithoutTheSecretKey()
    {
        var down = new S3Repository($"http://127.0.0.1:{ServerProcess.FreePort()}", "bucket") { AccessKeyId = "a", SecretAccessKey = "S3-Secret-Never-Shown" };

        var ex = await BackendLifecycle.AssertUnreachableAsync(down, "S3-Secret-Never-Shown");

        Assert.Contains("connection refused", ex.ResticMessage, StringComparison.Ordinal);
    }
}
