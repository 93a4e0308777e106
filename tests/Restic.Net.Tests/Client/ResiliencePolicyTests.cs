using System.Text;
using Restic.Net.Tests.Support;

namespace Restic.Net.Tests.Client;

/// <summary>
/// <see cref="ResticClientOptions.Resilience"/>: a policy runs the attempts of a command and sees only the failures a
/// retry may cure. Even a policy that retries every exception it is shown never retries a wrong password, a missing
/// repository, a stream that yielded, a backup whose input was read, or the caller's cancellation.
/// </summary>
public class ResiliencePolicyTests
{
    private const string Repository = "/tmp/restic-fixtures/repo";

    [Fact]
    public async Task LockedThenFree_ThePolicySeesTheLockAndItsRetrySucceeds()
    {
        var calls = 0;
        var runner = new FixtureRunner("0.18.0", _ => Fixture.Load("0.18.0", ++calls == 1 ? "locked" : "forget"));
        var policy = new RetryEverything(3);
        var client = runner.CreateClient(o => o.Resilience = policy);

        var result = await client.ForgetAsync(new RetentionPolicy { KeepLast = 1 });

        Assert.NotEmpty(result.Groups);
        Assert.IsType<ResticRepositoryLockedException>(Assert.Single(policy.Seen));
        var context = Assert.Single(policy.Contexts);
        Assert.Equal("forget", context.Operation);
        Assert.Equal(Repository, context.Repository);
        Assert.Equal(2, runner.Commands.Count);
    }

    [Theory]
    [InlineData("wrong-password", typeof(ResticWrongPasswordException))]
    [InlineData("repo-missing", typeof(ResticRepositoryNotFoundException))]
    public async Task AFailureNoRetryCures_IsNeverShownToThePolicy(string scenario, Type expected)
    {
        var runner = FixtureRunner.Replaying("0.18.0", scenario);
        var policy = new RetryEverything(5);
        var client = runner.CreateClient(o => o.Resilience = policy);

        var ex = await Assert.ThrowsAnyAsync<ResticException>(() => client.GetSnapshotsAsync());

        Assert.IsType(expected, ex);
        Assert.Empty(policy.Seen);
        Assert.Single(runner.Commands);
    }

    [Fact]
    public async Task AStreamThatYielded_IsNeverRetried_ItsFailureEndsTheEnumeration()
    {
        var consumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var locked = Fixture.Load("0.18.0", "locked");
        var runs = 0;
        var runner = new FixtureRunner("0.18.0", _ => throw new InvalidOperationException()).Scripted(async (_, sink, ct) =>
        {
            // One event reaches the consumer, then restic fails as a locked repository does.
            Interlocked.Increment(ref runs);
            sink.OnStandardOutputLine("""{"message_type":"status","percent_done":0.5,"total_files":2,"files_done":1,"total_bytes":20,"bytes_done":10}"""u8);
            await consumed.Task.WaitAsync(TimeSpan.FromSeconds(20), ct);
            foreach (var line in locked.StandardErrorLines())
            {
                sink.OnStandardErrorLine(line);
            }

            return locked.ExitCode;
        });
        var policy = new RetryEverything(5);
        var client = runner.CreateClient(o => o.Resilience = policy);

        var events = new List<BackupEvent>();
        var ex = await Assert.ThrowsAsync<ResticRepositoryLockedException>(async () =>
        {
            await foreach (var e in client.StreamBackupAsync(["/data"]))
            {
                events.Add(e);
                consumed.TrySetResult();
            }
        });

        Assert.IsType<BackupStatusEvent>(Assert.Single(events));
        Assert.Empty(policy.Seen);
        Assert.Equal(1, runs);
        Assert.NotNull(ex.ExitCode);
    }

    [Fact]
    public async Task ABackupWhoseInputWasRead_IsNeverRetried()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "locked");
        var policy = new RetryEverything(5);
        var client = runner.CreateClient(o => o.Resilience = policy);
        using var content = new MemoryStream(Encoding.UTF8.GetBytes("a database dump"));

        await Assert.ThrowsAsync<ResticRepositoryLockedException>(() => client.BackupFromStreamAsync(content, "dump.sql"));

        Assert.Empty(policy.Seen);
        Assert.Single(runner.Commands);
    }

    [Fact]
    public async Task TheCallersCancellation_IsNeverShownToThePolicy()
    {
        using var cts = new CancellationTokenSource();
        var runner = new FixtureRunner("0.18.0", invocation => throw new InvalidOperationException(invocation.Arguments[0]))
        {
            Hold = async (invocation, cancellationToken) =>
            {
                if (invocation.Arguments[0] != "version")
                {
                    await cts.CancelAsync();
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
            },
        };
        var policy = new RetryEverything(5);
        var client = runner.CreateClient(o => o.Resilience = policy);

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.PruneAsync(cancellationToken: cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Empty(policy.Seen);
        Assert.Single(runner.Commands);
    }

    [Fact]
    public async Task ThePolicysOwnToken_CancelsTheAttempt_AndThePolicySeesThatCancellation()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runner = new FixtureRunner("0.18.0", invocation => throw new InvalidOperationException(invocation.Arguments[0]))
        {
            Hold = async (invocation, cancellationToken) =>
            {
                if (invocation.Arguments[0] != "version")
                {
                    started.SetResult();
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
            },
        };
        var policy = new CancelsItsAttempt(started.Task);
        var client = runner.CreateClient(o => o.Resilience = policy);

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => client.CheckAsync());

        Assert.IsAssignableFrom<OperationCanceledException>(ex.InnerException);
        Assert.Single(runner.Commands);
    }

    [Fact]
    public async Task APolicyThatGivesUpWithoutThrowing_LeavesTheCallerTheLastFailure()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "locked");
        var client = runner.CreateClient(o => o.Resilience = new SwallowsFailures());

        await Assert.ThrowsAsync<ResticRepositoryLockedException>(() => client.PruneAsync());

        Assert.Single(runner.Commands);
    }

    [Fact]
    public async Task APolicyThatNeverAttempts_IsAnError_AndStartsNoRestic()
    {
        var runner = FixtureRunner.Replaying("0.18.0", "prune");
        var client = runner.CreateClient(o => o.Resilience = new NeverAttempts());

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => client.PruneAsync());

        Assert.Contains("at least once", ex.Message, StringComparison.Ordinal);
        Assert.Empty(runner.Commands);
    }

    [Fact]
    public async Task OverlappingAttempts_AreRefused_TheFirstOneRuns()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runner = new FixtureRunner("0.18.0", _ => Fixture.Load("0.18.0", "prune"))
        {
            Hold = (invocation, _) => invocation.Arguments[0] == "version" ? Task.CompletedTask : release.Task,
        };
        var policy = new Hedges(release);
        var client = runner.CreateClient(o => o.Resilience = policy);

        await client.PruneAsync();

        Assert.Contains("one after the other", policy.Refused?.Message, StringComparison.Ordinal);
        Assert.Single(runner.Commands);
    }

    /// <summary>Retries whatever it is shown, up to a number of times, and records it.</summary>
    private sealed class RetryEverything(int retries) : ResticResiliencePolicy
    {
        public List<Exception> Seen { get; } = [];

        public List<ResticCommandContext> Contexts { get; } = [];

        public override async ValueTask ExecuteAsync(Func<CancellationToken, ValueTask> attempt, ResticCommandContext context, CancellationToken cancellationToken)
        {
            Contexts.Add(context);
            for (var retry = 0; ; retry++)
            {
                try
                {
                    await attempt(cancellationToken);
                    return;
                }
                catch (Exception ex) when (retry < retries)
                {
                    Seen.Add(ex);
                }
            }
        }
    }

    /// <summary>A timeout of its own: cancels the attempt's token once restic runs and reports a <see cref="TimeoutException"/>.</summary>
    private sealed class CancelsItsAttempt(Task resticStarted) : ResticResiliencePolicy
    {
        public override async ValueTask ExecuteAsync(Func<CancellationToken, ValueTask> attempt, ResticCommandContext context, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var running = attempt(timeout.Token).AsTask();
            await resticStarted;
            await timeout.CancelAsync();
            try
            {
                await running;
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException("the policy's own timeout", ex);
            }
        }
    }

    private sealed class SwallowsFailures : ResticResiliencePolicy
    {
        public override async ValueTask ExecuteAsync(Func<CancellationToken, ValueTask> attempt, ResticCommandContext context, CancellationToken cancellationToken)
        {
            try
            {
                await attempt(cancellationToken);
            }
            catch (ResticException)
            {
                // A fallback that gives up quietly.
            }
        }
    }

    private sealed class NeverAttempts : ResticResiliencePolicy
    {
        public override ValueTask ExecuteAsync(Func<CancellationToken, ValueTask> attempt, ResticCommandContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    /// <summary>Starts a second attempt while the first one runs, as a hedging strategy would.</summary>
    private sealed class Hedges(TaskCompletionSource release) : ResticResiliencePolicy
    {
        public InvalidOperationException? Refused { get; private set; }

        public override async ValueTask ExecuteAsync(Func<CancellationToken, ValueTask> attempt, ResticCommandContext context, CancellationToken cancellationToken)
        {
            var first = attempt(cancellationToken).AsTask();
            try
            {
                await attempt(cancellationToken);
            }
            catch (InvalidOperationException ex)
            {
                Refused = ex;
            }

            release.SetResult();
            await first;
        }
    }
}
