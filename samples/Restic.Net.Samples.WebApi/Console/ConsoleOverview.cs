using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Restic.Net.Samples.WebApi.Configuration;

namespace Restic.Net.Samples.WebApi.Console;

/// <summary>
/// Measures every readable repository's size, deduplication and locks in the background (<c>restic stats</c> twice and
/// the lock list), one repository at a time, so the dashboard shows them without running restic per view: first when
/// the dashboard is first opened (a server used only through the API never runs it), then every
/// <see cref="ResticApiOptions.MeasureInterval"/> or sooner when asked. Each measurement is bounded by <see cref="Timeout"/>.
/// </summary>
internal sealed partial class ConsoleOverview(
    ConsoleReads reads,
    IOptions<ResticApiOptions> options,
    TimeProvider time,
    ILogger<ConsoleOverview> logger) : BackgroundService
{
    /// <summary>How long one repository's measurement may take before it is reported as too slow.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, RepositoryMeasure> _measures = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _wake = new(0);
    private readonly ConcurrentDictionary<string, bool> _requested = new(StringComparer.Ordinal);

    /// <summary>The last measurement of the repository; null before the first one.</summary>
    public RepositoryMeasure? Find(string repository) => _measures.GetValueOrDefault(repository);

    /// <summary>
    /// Measures the repositories not measured yet (the dashboard's first view, a repository registered since) and
    /// <paramref name="repository"/> (after an unlock) now, not at the next interval.
    /// </summary>
    public void MeasureSoon(string? repository = null)
    {
        if (repository is not null)
        {
            _requested[repository] = true;
        }

        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _wake.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var all = true; // the first round and every interval: all of them; when woken: the ones asked for or never measured
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var repository in await reads.RepositoriesAsync(stoppingToken))
                {
                    if (reads.CanRead(repository) && (all | _requested.TryRemove(repository.Name, out _) || Find(repository.Name) is null))
                    {
                        _measures[repository.Name] = await MeasureAsync(repository, stoppingToken);
                    }
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogMeasureFailed(logger, ex);
            }

            try
            {
                all = !await _wake.WaitAsync(options.Value.MeasureInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<RepositoryMeasure> MeasureAsync(Repositories.RegisteredRepository repository, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var client = reads.CreateClient(repository);
            var stats = await client.GetStatsAsync(new StatsOptions { IncludeDeduplicationRatio = true }, timeout.Token);
            var locks = await client.GetLocksAsync(timeout.Token);
            return new(time.GetUtcNow(), stats.TotalSize, stats.StoredSize, stats.DeduplicationRatio, stats.CompressionRatio, locks, null);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return Failed($"Not measured within {Timeout.TotalMinutes:0} minutes.");
        }
        catch (Exception ex) when (ConsoleProblemFilter.Describe(ex) is var (_, problem))
        {
            return Failed(problem);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // A bug or an unforeseen failure: logged with its stack, and the other repositories are still measured.
            LogRepositoryFailed(logger, repository.Name, ex);
            return Failed("Could not be measured; the error was logged.");
        }

        RepositoryMeasure Failed(string problem) =>
            new(time.GetUtcNow(), null, null, null, null, Find(repository.Name)?.Locks ?? [], problem);
    }

    [LoggerMessage(EventId = 2020, Level = LogLevel.Warning, Message = "The console could not list the repositories to measure")]
    private static partial void LogMeasureFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Error, Message = "The console could not measure repository {Repository}")]
    private static partial void LogRepositoryFailed(ILogger logger, string repository, Exception exception);
}
