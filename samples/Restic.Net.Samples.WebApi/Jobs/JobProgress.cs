namespace Restic.Net.Samples.WebApi.Jobs;

/// <summary>
/// Publishes progress to the job synchronously, in order (<see cref="Progress{T}"/> would post to
/// the thread pool and could reorder reports).
/// </summary>
internal sealed class JobProgress<T>(Job job, Func<T, object> project) : IProgress<T>
{
    public void Report(T value) => job.Publish("progress", project(value));
}
