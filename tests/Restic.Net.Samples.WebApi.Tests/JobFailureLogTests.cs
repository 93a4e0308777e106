using Microsoft.Extensions.DependencyInjection;
using Restic.Net.Samples.WebApi.Jobs;

namespace Restic.Net.Samples.WebApi.Tests;

/// <summary>A job that fails unexpectedly says "the error was logged": it is, with its stack; an expected refusal is not logged as an error.</summary>
[Trait("Restic", "None")] // the jobs here run no restic
public sealed class JobFailureLogTests
{
    [Fact(Timeout = 60000)]
    public async Task AnUnexpectedFailure_IsLoggedWithItsException_AndTheJobSaysSo()
    {
        using var factory = new WebApiFactory();
        _ = factory.CreateClient(); // starts the host
        var jobs = factory.Services.GetRequiredService<JobStore>();

        var job = await jobs.StartJobAsync("test", "repo", "tester", (_, _) => throw new InvalidOperationException("a bug in the job"), CancellationToken.None);
        await job.Completion;

        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal("The server failed to process the request; the error was logged.", job.Error?.Detail);
        var line = Assert.Single(factory.Logs.Lines, l => l.StartsWith("Error ", StringComparison.Ordinal) && l.Contains("failed unexpectedly", StringComparison.Ordinal));
        Assert.Contains("System.InvalidOperationException: a bug in the job", line, StringComparison.Ordinal);
        Assert.Contains(job.Id.ToString(), line, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60000)]
    public async Task ARefusal_IsNotLoggedAsAnError()
    {
        using var factory = new WebApiFactory();
        _ = factory.CreateClient();
        var jobs = factory.Services.GetRequiredService<JobStore>();

        var job = await jobs.StartJobAsync("test", "repo", "tester", (_, _) => throw new Problems.ApiProblemException(409, "Repository changed", "nothing was removed"), CancellationToken.None);
        await job.Completion;

        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal("nothing was removed", job.Error?.Detail);
        Assert.DoesNotContain(factory.Logs.Lines, l => l.Contains("failed unexpectedly", StringComparison.Ordinal));
    }
}
