using System.Diagnostics;
using Restic.Net.Output;
using Restic.Net.Processes;
using Restic.Net.Tests.Support;

namespace Restic.Net.Tests.Client;

/// <summary>
/// Credentials a backend refuses and certificates restic cannot verify become typed exceptions. The stderr texts are
/// recorded from restic 0.14.0 and 0.18.0 (<c>snapshots --json</c>, <c>init --json</c>) against moto with IAM
/// authentication, restic's rest-server with htpasswd and with --tls, s3rver over https and <c>rclone serve restic</c>
/// requiring a client certificate.
/// </summary>
public class BackendRejectionTests
{
    private const string MotoRepository = "s3:http://127.0.0.1:9911/good18";

    public static TheoryData<string, string, int, Type, string> FinalMessages => new()
    {
        {
            "0.14.0",
            $"Fatal: unable to open config file: Stat: The AWS Access Key Id you provided does not exist in our records.\nIs there a repository at the following location?\n{MotoRepository}\n",
            1, typeof(ResticBackendAccessDeniedException), "AccessKeyId"
        },
        {
            "0.14.0",
            $"Fatal: unable to open config file: Stat: The request signature we calculated does not match the signature you provided. Check your key and signing method.\nIs there a repository at the following location?\n{MotoRepository}\n",
            1, typeof(ResticBackendAccessDeniedException), "SecretAccessKey"
        },
        {
            "0.14.0",
            $"Fatal: unable to open config file: Stat: Access Denied.\nIs there a repository at the following location?\n{MotoRepository}\n",
            1, typeof(ResticBackendAccessDeniedException), "permissions"
        },
        {
            "0.18.0",
            "Stat(<config/>) failed: Stat: Access Denied.\n" +
            """{"message_type":"exit_error","code":1,"message":"Fatal: unable to open config file: Stat: Access Denied.\nIs there a repository at the following location?\ns3:http://127.0.0.1:9911/good18"}""" + "\n",
            1, typeof(ResticBackendAccessDeniedException), "permissions"
        },
        {
            "0.18.0",
            """{"message_type":"exit_error","code":1,"message":"Fatal: create repository at s3:http://127.0.0.1:9911/new18 failed: Fatal: unable to open repository at s3:http://127.0.0.1:9911/new18: client.BucketExists: The request signature we calculated does not match the signature you provided. Check your key and signing method.\n"}""" + "\n",
            1, typeof(ResticBackendAccessDeniedException), "SecretAccessKey"
        },
        {
            "0.14.0",
            "Fatal: unable to open config file: client.Head: Head \"https://127.0.0.1:9912/r1/config\": x509: certificate signed by unknown authority\nIs there a repository at the following location?\nrest:https://127.0.0.1:9912/r1/\n",
            1, typeof(ResticBackendCertificateException), "CaCertificateFiles"
        },
        {
            "0.14.0",
            "Fatal: unable to open config file: Stat: Get \"https://127.0.0.1:9913/bucket1/?location=\": x509: certificate signed by unknown authority\nIs there a repository at the following location?\ns3:https://127.0.0.1:9913/bucket1\n",
            1, typeof(ResticBackendCertificateException), "CaCertificateFiles"
        },
        {
            "0.14.0",
            "Fatal: unable to open config file: unexpected HTTP response (401): 401 Unauthorized\nIs there a repository at the following location?\nrest:http://alice:***@127.0.0.1:9914/repo/\n",
            1, typeof(ResticBackendAccessDeniedException), "Password"
        },
        {
            "0.14.0",
            "Fatal: create repository at rest:http://alice:***@127.0.0.1:9914/repo2/ failed: Fatal: server response unexpected: 401 Unauthorized (401)\n\n",
            1, typeof(ResticBackendAccessDeniedException), "Password"
        },
        {
            "0.18.0",
            "Stat(<config/>) failed: unexpected HTTP response (401): 401 Unauthorized\n" +
            """{"message_type":"exit_error","code":1,"message":"Fatal: unable to open config file: unexpected HTTP response (401): 401 Unauthorized\nIs there a repository at the following location?\nrest:http://alice:***@127.0.0.1:9914/repo/"}""" + "\n",
            1, typeof(ResticBackendAccessDeniedException), "Password"
        },
        {
            "0.14.0",
            "Fatal: unable to open config file: client.Head: Head \"https://127.0.0.1:9915/mrestic-0.14.0/config\": remote error: tls: bad certificate\nIs there a repository at the following location?\nrest:https://127.0.0.1:9915/mrestic-0.14.0/\n",
            1, typeof(ResticBackendAccessDeniedException), "ClientCertificateFile"
        },
    };

    [Theory]
    [MemberData(nameof(FinalMessages))]
    public async Task RecordedFailure_BackendRefusal_ThrowsTypedExceptionWithAdvice(string version, string stderr, int exitCode, Type expected, string advice)
    {
        var client = new FixtureRunner(version, _ => Fixture.Inline("", stderr, exitCode)).CreateClient();

        var ex = await Assert.ThrowsAnyAsync<ResticException>(() => client.GetSnapshotsAsync());

        Assert.IsType(expected, ex);
        Assert.Equal(exitCode, ex.ExitCode);
        // Refused credentials and certificates stay refused; a backend nobody answers for may come back.
        Assert.Equal(expected == typeof(ResticBackendUnreachableException), ex.IsTransient);
        Assert.Contains(advice, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("Fatal:", ex.ResticMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordedFailure_RepositoryReallyMissing_IsStillNotFound()
    {
        var client = FixtureRunner.Replaying("0.14.0", "repo-missing").CreateClient();

        await Assert.ThrowsAsync<ResticRepositoryNotFoundException>(() => client.GetSnapshotsAsync());
    }

    public static TheoryData<string, Type> RetryNotices => new()
    {
        {
            "Stat(<config/>) returned error, retrying after 1.253292877s: Stat: The AWS Access Key Id you provided does not exist in our records.",
            typeof(ResticBackendAccessDeniedException)
        },
        {
            "Stat(<config/>) returned error, retrying after 1.339583384s: Stat: The request signature we calculated does not match the signature you provided. Check your key and signing method.",
            typeof(ResticBackendAccessDeniedException)
        },
        {
            "Stat(<config/>) returned error, retrying after 851.970054ms: Head \"https://:***@127.0.0.1:9912/r1/config\": tls: failed to verify certificate: x509: certificate signed by unknown authority",
            typeof(ResticBackendCertificateException)
        },
        {
            "Stat(<config/>) returned error, retrying after 1.142289362s: Stat: Get \"https://127.0.0.1:9913/bucket1/?location=\": tls: failed to verify certificate: x509: certificate signed by unknown authority",
            typeof(ResticBackendCertificateException)
        },
        {
            "Stat(<config/>) returned error, retrying after 685.312364ms: Head \"https://:***@127.0.0.1:9915/mrestic-0.18.0/config\": remote error: tls: bad certificate",
            typeof(ResticBackendAccessDeniedException)
        },
        {
            // restic 0.18 and 0.19, recorded: nothing listens.
            "Stat(<config/>) returned error, retrying after 830.356598ms: Head \"http://user:***@127.0.0.1:9/repo/config\": dial tcp 127.0.0.1:9: connect: connection refused",
            typeof(ResticBackendUnreachableException)
        },
        {
            "Stat(<config/>) returned error, retrying after 1.142239955s: Head \"http://:***@nonexistent-host.invalid:8000/repo/config\": dial tcp: lookup nonexistent-host.invalid on 10.255.255.53:53: no such host",
            typeof(ResticBackendUnreachableException)
        },
    };

    [Theory(Timeout = 30000)]
    [MemberData(nameof(RetryNotices))]
    public async Task RetryNotice_BackendRefusal_StopsResticAtOnceWithoutAnyTimeout(string notice, Type expected)
    {
        var stopped = new TaskCompletionSource();
        var runner = RetryingRunner(notice, stopped);
        var client = runner.CreateClient(o => o.NoProgressTimeout = null);
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAnyAsync<ResticException>(() => client.GetSnapshotsAsync());

        Assert.IsType(expected, ex);
        Assert.Equal(expected == typeof(ResticBackendUnreachableException), ex.IsTransient);
        Assert.True(stopped.Task.IsCompleted, "restic was interrupted");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Null(ex.ExitCode);
        Assert.Equal(notice, ex.ResticMessage);
        Assert.Contains("was stopped instead of retrying", ex.Message, StringComparison.Ordinal);
        Assert.Contains(notice, ex.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("retrying after", ex.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30000)]
    public async Task RetryNotice_OtherErrorOrAnOutageAfterOpening_LetsResticRetry()
    {
        var runner = new FixtureRunner("0.18.0", _ => throw new InvalidOperationException()).Scripted(async (_, sink, ct) =>
            {
                sink.OnStandardErrorLine("Stat(<config/>) returned error, retrying after 720.5ms: Head \"http://127.0.0.1:8000/r/config\": unexpected HTTP response (500): 500 Internal Server Error");
                // A server restarting while restic already works: refused, but not while opening.
                sink.OnStandardErrorLine("Load(<index/0123456789>, 0, 0) returned error, retrying after 1.1s: Get \"http://127.0.0.1:8000/r/index/0123\": dial tcp 127.0.0.1:8000: connect: connection refused");
                await Task.Delay(300, ct);
                sink.OnStandardOutputLine("[]"u8);
                return 0;
            });

        var snapshots = await runner.CreateClient().GetSnapshotsAsync();

        Assert.Empty(snapshots);
    }

    [Fact(Timeout = 30000)]
    public async Task RetryNotice_WithTheRestPasswordInIt_IsLoggedAndThrownRedacted()
    {
        const string Password = "Rest-Pa55word-never-shown";
        var notice = $"Stat(<config/>) returned error, retrying after 1s: Head \"https://alice:{Password}@127.0.0.1:9912/r1/config\": tls: failed to verify certificate: x509: certificate signed by unknown authority";
        var logs = new CapturingLoggerFactory();
        var client = RetryingRunner(notice, new TaskCompletionSource())
            .CreateClient(o => o.Repository = new RestRepository(new Uri("https://127.0.0.1:9912/r1/")) { UserName = "alice", Password = Password }, logs);

        var ex = await Assert.ThrowsAsync<ResticBackendCertificateException>(() => client.GetSnapshotsAsync());

        var stopped = Assert.Single(logs.Entries, e => e.EventId.Name == "StoppedOnBackendRejection");
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, stopped.Level);
        Assert.Equal(1025, stopped.EventId.Id);
        Assert.Contains("x509: certificate signed by unknown authority", stopped.AllText, StringComparison.Ordinal);
        Assert.All(logs.Entries, e => Assert.DoesNotContain(Password, e.AllText, StringComparison.Ordinal));
        Assert.DoesNotContain(Password, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, ex.ResticMessage!, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, ex.StandardError, StringComparison.Ordinal);
    }

    /// <summary>Like restic 0.18 retrying a refused request: prints the notice, then waits until it is interrupted.</summary>
    private static FixtureRunner RetryingRunner(string notice, TaskCompletionSource stopped)
    {
        var runner = new FixtureRunner("0.18.0", _ => throw new InvalidOperationException()).Scripted(async (_, sink, ct) =>
            {
                sink.OnStandardErrorLine(notice);
                try
                {
                    await Task.Delay(TimeSpan.FromMinutes(15), ct);
                }
                catch (OperationCanceledException)
                {
                    stopped.TrySetResult();
                    throw;
                }

                return 1;
            });
        return runner;
    }
}
