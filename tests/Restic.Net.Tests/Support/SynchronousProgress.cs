namespace Restic.Net.Tests.Support;

/// <summary>Reports on the calling thread, unlike <see cref="Progress{T}"/>, so that a test sees every report before the call returns.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
