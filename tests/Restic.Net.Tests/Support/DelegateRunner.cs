using Restic.Net.Output;
using Restic.Net.Processes;

namespace Restic.Net.Tests.Support;

/// <summary>
/// The process seam answered by a test's own function: what "restic" does in a unit test. A plain class, not a
/// mocking library's proxy, so that the library grants its internals to this repository's test projects only.
/// </summary>
internal sealed class DelegateRunner(Func<ResticInvocation, IResticOutputSink, CancellationToken, Task<int>> run) : IResticProcessRunner
{
    private int _calls;

    /// <summary>How many times restic was "started".</summary>
    public int Calls => Volatile.Read(ref _calls);

    public Task<int> RunAsync(ResticInvocation invocation, IResticOutputSink sink, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return run(invocation, sink, cancellationToken);
    }
}
