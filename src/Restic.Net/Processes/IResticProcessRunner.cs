using Restic.Net.Output;

namespace Restic.Net.Processes;

/// <summary>
/// The process seam: starts restic, streams its output into a sink, and returns its exit code.
/// Unit tests stand in for it with plain classes (FixtureRunner, DelegateRunner); everything above it is exercised without a process.
/// </summary>
internal interface IResticProcessRunner
{
    /// <summary>Runs restic to completion.</summary>
    /// <param name="invocation">What to run.</param>
    /// <param name="sink">Receives output lines while the process runs.</param>
    /// <param name="cancellationToken">
    /// Graceful cancellation: restic receives SIGINT so that it removes its lock, and is killed
    /// after <see cref="ResticInvocation.ShutdownTimeout"/>.
    /// </param>
    /// <returns>The exit code.</returns>
    /// <exception cref="OperationCanceledException">
    /// The token was cancelled; the process has ended. <see cref="ResticProcessInterruptedException"/>
    /// (with the pid) when it exited after SIGINT.
    /// </exception>
    /// <exception cref="ResticProcessKilledException">The token was cancelled and restic had to be killed (it may have left its lock).</exception>
    /// <exception cref="ResticBinaryNotFoundException">The executable could not be started.</exception>
    Task<int> RunAsync(ResticInvocation invocation, IResticOutputSink sink, CancellationToken cancellationToken);
}
