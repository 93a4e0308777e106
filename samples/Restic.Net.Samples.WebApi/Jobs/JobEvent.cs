namespace Restic.Net.Samples.WebApi.Jobs;

/// <summary>
/// One server-sent event of a job: <c>progress</c>, <c>file_error</c>, then exactly one of
/// <c>completed</c>, <c>failed</c> or <c>cancelled</c>. <paramref name="Sequence"/> is the SSE id.
/// </summary>
internal sealed record JobEvent(long Sequence, string Type, object Data);
