using System.Diagnostics;
using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>
/// The typed <see cref="S3Repository"/> against moto with IAM authentication enforced: the key of a permitted IAM user
/// works; an unknown key id, a wrong secret key and a key without permission end in
/// <see cref="ResticBackendAccessDeniedException"/> at once. Without a region, restic 0.18 retries the first two
/// (InvalidAccessKeyId, SignatureDoesNotMatch) for minutes; the client stops it at its first retry notice, well before
/// the no-progress watchdog would. With a region, and for a key without permission, S3 answers "Access Denied", which
/// restic 0.18 does not retry; restic 0.14 gives up at once on all of them.
/// </summary>
[Collection(BackendCollection.Name)]
public sealed class S3AuthBackendTests(MotoIamServer server) : IClassFixture<MotoIamServer>
{
    /// <summary>Far below <see cref="BackendLifecycle"/>'s 8 s no-progress timeout: the refusal, not the watchdog, ends restic.</summary>
    private static readonly TimeSpan s_refusalBound = TimeSpan.FromSeconds(6);

    [Fact(Timeout = 180000)]
    public async Task Lifecycle_KeyOfPermittedIamUser_InitBackupRestoreCheckForgetPrune()
    {
        await BackendLifecycle.RunAsync(server.Repository("iam-bucket", server.AllowedKey));
    }

    [Fact(Timeout = 120000)]
    public async Task UnknownAccessKeyId_ThrowsAccessDeniedAtOnce_WithoutTheSecret()
    {
        var repository = server.Repository("iam-unknown", ("AKIAUNKNOWNKEY000000", "Unknown-Key-Secret-Never-Shown"), region: null);

        var ex = await AssertRefusedAsync(repository, "Unknown-Key-Secret-Never-Shown");

        Assert.Contains("The AWS Access Key Id you provided does not exist in our records", ex.ResticMessage, StringComparison.Ordinal);
        await BackendLifecycle.AssertEndedAsRestic018RetriesAsync(ex);
    }

    [Fact(Timeout = 120000)]
    public async Task WrongSecretKey_ThrowsAccessDeniedAtOnce_WithoutEitherSecret()
    {
        var repository = server.Repository("iam-wrong-secret", (server.AllowedKey.AccessKeyId, "Wrong-Secret-Never-Shown"), region: null);

        var ex = await AssertRefusedAsync(repository, "Wrong-Secret-Never-Shown", server.AllowedKey.SecretAccessKey);

        Assert.Contains("The request signature we calculated does not match", ex.ResticMessage, StringComparison.Ordinal);
        await BackendLifecycle.AssertEndedAsRestic018RetriesAsync(ex);
    }

    [Fact(Timeout = 120000)]
    public async Task WrongSecretKey_WithRegion_ThrowsAccessDeniedAtOnce()
    {
        var repository = server.Repository("iam-wrong-secret-region", (server.AllowedKey.AccessKeyId, "Wrong-Secret-Never-Shown"));

        var ex = await AssertRefusedAsync(repository, "Wrong-Secret-Never-Shown", server.AllowedKey.SecretAccessKey);

        Assert.Contains("Access Denied", ex.ResticMessage, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120000)]
    public async Task KeyWithoutPermission_ThrowsAccessDeniedAtOnce()
    {
        var ex = await AssertRefusedAsync(server.Repository("iam-unprivileged", server.UnprivilegedKey), server.UnprivilegedKey.SecretAccessKey);

        Assert.Contains("Access Denied", ex.ResticMessage, StringComparison.Ordinal);
        Assert.NotNull(ex.ExitCode); // restic gives up by itself: S3's AccessDenied is not retried
    }

    [Fact(Timeout = 120000)]
    public async Task Init_WrongSecretKey_ThrowsAccessDeniedAtOnce()
    {
        using var root = new TempDirectory();
        var client = new ResticClient(BackendLifecycle.Options(server.Repository("iam-init", (server.AllowedKey.AccessKeyId, "Wrong-Init-Secret")), root));
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<ResticBackendAccessDeniedException>(() => client.InitAsync());

        Assert.True(watch.Elapsed < s_refusalBound, $"took {watch.Elapsed}");
        Assert.DoesNotContain("Wrong-Init-Secret", ex.ToString(), StringComparison.Ordinal);
    }

    private static async Task<ResticBackendAccessDeniedException> AssertRefusedAsync(S3Repository repository, params string[] secrets)
    {
        var watch = Stopwatch.StartNew();
        var ex = await BackendLifecycle.AssertFailsWithinBoundAsync(repository, secrets);
        var elapsed = watch.Elapsed;

        var refused = Assert.IsType<ResticBackendAccessDeniedException>(ex);
        Assert.True(elapsed < s_refusalBound, $"took {elapsed}: {ex.Message}");
        Assert.Contains("AccessKeyId", ex.Message, StringComparison.Ordinal); // the advice names the properties to check
        return refused;
    }
}
