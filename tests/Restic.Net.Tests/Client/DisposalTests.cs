using System.Reflection;
using Microsoft.Extensions.Time.Testing;
using Restic.Net.Processes;
using Restic.Net.Tests.Support;

namespace Restic.Net.Tests.Client;

/// <summary>
/// Disposing a client (docs/design-decisions.md, "A client is disposable"): calls after it throw before anything
/// runs, restic runs in flight are interrupted as on a cancellation and awaited (bounded), and disposal is
/// idempotent and thread-safe.
/// </summary>
public class DisposalTests
{
    private const int Pid = 4242;
    private const string LockId = "89ca3fff472666fcb77a87a11f7534baf1d736f77d2807bbab4fbb42d8fe887a";

    [Fact(Timeout = 30000)]
    public async Task EveryMethod_OnADisposedClient_ThrowsObjectDisposedException_BeforeValidationAndBeforeAnyProcessStarts()
    {
        var runner = new FixtureRunner("0.18.0", invocation => throw new InvalidOperationException("restic started: " + invocation.Arguments[0]));
        var client = runner.CreateClient();
        await client.DisposeAsync();

        // Repository is configuration, not an operation: it stays readable (a health check names a disposed client by it).
        Assert.Equal("/tmp/restic-fixtures/repo", client.Repository.RedactedLocation);
        var methods = typeof(IResticClient).GetMethods().Where(method => !method.IsSpecialName).ToArray();
        Assert.True(methods.Length >= 34);
        foreach (var method in methods)
        {
            // Default arguments everywhere (null paths, default snapshot references): disposal is checked first.
            var arguments = method.GetParameters().Select(p => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray();
            var thrown = await CallAsync(client, method, arguments);
            Assert.True(thrown is ObjectDisposedException, $"{method.Name} threw {thrown?.GetType().Name ?? "nothing"}");
        }

        Assert.Empty(runner.Invocations);
    }

    [Fact(Timeout = 30000)]
    public async Task BackupInFlight_OnRestic014_IsInterruptedLikeACancellation_AndDisposalWaitsForTheLockHousekeeping()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var interrupted = false;
        var listed = 0;
        var runner = new FixtureRunner("0.14.0", invocation => Verb(invocation.Arguments) switch
        {
            // restic before 0.18, interrupted right after it created its lock, leaves it: the client removes it.
            "list locks" => Fixture.Inline(listed++ == 0 ? LockId + "\n" : string.Empty),
            "cat lock" => LockOf(Pid, Environment.MachineName),
            "unlock" => Fixture.Load("0.14.0", "unlock-stale"),
            var verb => throw new InvalidOperationException(verb),
        })
        {
            Hold = async (invocation, cancellationToken) =>
            {
                if (Verb(invocation.Arguments) != "backup")
                {
                    return;
                }

                started.SetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException ex)
                {
                    // What the process runner throws when restic exited on SIGINT.
                    interrupted = true;
                    throw new ResticProcessInterruptedException(Pid, ex, cancellationToken);
                }
            },
        };
        var client = runner.CreateClient();

        var backup = client.BackupAsync(["/data"]);
        await started.Task;
        await client.DisposeAsync();

        // Disposal returned after the run and its lock housekeeping, not before.
        Assert.True(interrupted);
        Assert.Equal(["backup", "list locks", "cat lock", "unlock", "list locks"], runner.Commands.Select(Verb).ToList());
        var ex = await Assert.ThrowsAsync<ObjectDisposedException>(() => backup);
        Assert.Contains("restic backup", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<OperationCanceledException>(ex.InnerException);
    }

    [Fact(Timeout = 30000)]
    public async Task StreamInFlight_ThrowsObjectDisposedException_FromTheEnumeration()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runner = new FixtureRunner("0.18.0", invocation => throw new InvalidOperationException(Verb(invocation.Arguments)))
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
        var client = runner.CreateClient();
        await using var events = client.StreamBackupAsync(["/data"]).GetAsyncEnumerator();

        var next = events.MoveNextAsync().AsTask();
        await started.Task;
        await client.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => next);
    }

    [Fact(Timeout = 30000)]
    public async Task Disposal_ARunThatIgnoresTheInterrupt_IsWaitedForOnlyUntilTheBound()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runner = new FixtureRunner("0.18.0", invocation => throw new InvalidOperationException(Verb(invocation.Arguments)))
        {
            Hold = async (invocation, _) =>
            {
                if (invocation.Arguments[0] != "version")
                {
                    // A run that neither exits on SIGINT nor dies of the kill (a runner that hangs).
                    started.SetResult();
                    await release.Task;
                    throw new OperationCanceledException();
                }
            },
        };
        var time = new TimerSignallingTime();
        var client = runner.CreateClient(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2), timeProvider: time);
        var prune = client.PruneAsync();
        await started.Task;

        var disposal = client.DisposeAsync().AsTask();

        // The bound is ShutdownTimeout + 15 s on the client's clock: disposal waits on a timer of it, and only that ends the wait.
        await time.TimerCreated.Task;
        time.Fake.Advance(TimeSpan.FromSeconds(16));
        Assert.False(disposal.IsCompleted);
        time.Fake.Advance(TimeSpan.FromSeconds(1));
        await disposal;
        Assert.False(prune.IsCompleted);
        release.SetResult();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => prune);
    }

    [Fact(Timeout = 30000)]
    public async Task Dispose_CalledConcurrentlyAndRepeatedly_SyncAndAsync_CompletesEveryCall()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stopped = 0;
        var runner = new FixtureRunner("0.18.0", invocation => throw new InvalidOperationException(Verb(invocation.Arguments)))
        {
            Hold = async (invocation, cancellationToken) =>
            {
                if (invocation.Arguments[0] == "version")
                {
                    return;
                }

                started.SetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                finally
                {
                    Interlocked.Increment(ref stopped);
                }
            },
        };
        var client = runner.CreateClient();
        var check = client.CheckAsync();
        await started.Task;

        var calls = Enumerable.Range(0, 16)
            .Select(i => i % 2 == 0 ? Task.Run(client.Dispose) : Task.Run(async () => await client.DisposeAsync()))
            .ToArray();
        await Task.WhenAll(calls);
        await client.DisposeAsync();
        client.Dispose();

        // Each call returned after the run was stopped, whichever call did the work; restic was started once.
        Assert.Equal(1, Volatile.Read(ref stopped));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => check);
        Assert.Single(runner.Commands);
    }

    [Fact(Timeout = 30000)]
    public async Task Dispose_AClientForMocking_DoesNothingAndThenThrowsLikeAnyOther()
    {
        var client = new MockableClient();
        await client.DisposeAsync();
        client.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetVersionAsync());
    }

    private static async Task<Exception?> CallAsync(ResticClient client, MethodInfo method, object?[] arguments)
    {
        object? result;
        try
        {
            result = method.Invoke(client, arguments);
        }
        catch (TargetInvocationException ex)
        {
            return ex.InnerException;
        }

        try
        {
            switch (result)
            {
                case Task task:
                    await task;
                    break;
                case not null when result.GetType().GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)) is { } stream:
                    var enumerator = stream.GetMethod("GetAsyncEnumerator")!.Invoke(result, [CancellationToken.None])!;
                    var next = enumerator.GetType().GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerator<>)).GetMethod("MoveNextAsync")!;
                    await ((ValueTask<bool>)next.Invoke(enumerator, null)!).AsTask();
                    break;
            }
        }
        catch (Exception ex)
        {
            return ex;
        }

        return null;
    }

    private static Fixture LockOf(int pid, string host) =>
        Fixture.Inline($$"""{"time":"2026-11-26T15:10:44.256140744Z","exclusive":false,"hostname":"{{host}}","username":"root","pid":{{pid}}}""" + "\n");

    private static string Verb(IReadOnlyList<string> arguments) => string.Join(' ', arguments.TakeWhile(a => a != "--json"));

    private sealed class MockableClient : ResticClient;

    /// <summary>A fake clock that says when the first timer is created on it.</summary>
    private sealed class TimerSignallingTime : TimeProvider
    {
        public FakeTimeProvider Fake { get; } = new();

        public TaskCompletionSource TimerCreated { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override long TimestampFrequency => Fake.TimestampFrequency;

        public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

        public override long GetTimestamp() => Fake.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = Fake.CreateTimer(callback, state, dueTime, period);
            TimerCreated.TrySetResult();
            return timer;
        }
    }
}
