namespace Restic.Net.Samples.WebApi.Jobs;

/// <summary>Where a job is in its life.</summary>
public enum JobState
{
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
