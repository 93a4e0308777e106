using Cronos;
using Microsoft.Extensions.Options;

namespace Restic.Net.Samples.Worker.Configuration;

/// <summary>Checks the schedules at start-up, so a typo fails the host instead of silently never running.</summary>
internal sealed class WorkerOptionsValidator(IConfiguration configuration) : IValidateOptions<WorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkerOptions options)
    {
        var errors = new List<string>();
        var repositories = configuration.GetSection(Program.RepositoriesSection).GetChildren().Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            errors.Add($"Backups:TimeZone '{options.TimeZone}' is not a known time zone.");
        }

        for (var i = 0; i < options.Jobs.Count; i++)
        {
            var job = options.Jobs[i];
            var where = $"Backups:Jobs:{i} ('{job.Name}')";
            if (string.IsNullOrWhiteSpace(job.Name))
            {
                errors.Add($"{where}: Name is required.");
            }

            if (job.Sources.Count == 0)
            {
                errors.Add($"{where}: give at least one path in Sources.");
            }

            if (job.Retention is { KeepWithin: { } within } && !ResticDuration.TryParse(within, out _))
            {
                errors.Add($"{where}: Retention:KeepWithin '{within}' is not a duration in restic's syntax (for example 1y6m or 30d).");
            }
            else if (job.Retention is { } retention && retention.ToPolicy().IsEmpty)
            {
                errors.Add($"{where}: Retention keeps nothing; set at least one Keep* value or remove Retention.");
            }

            CheckCommon(errors, where, job.Repository, job.Schedule, repositories);
        }

        for (var i = 0; i < options.Checks.Count; i++)
        {
            if (options.Checks[i].ReadDataSubset is { } subset && !ReadDataSubset.TryParse(subset, out _))
            {
                errors.Add($"Backups:Checks:{i}: ReadDataSubset '{subset}' is not a subset in restic's syntax (for example 5%, 1/7 or 500M).");
            }

            CheckCommon(errors, $"Backups:Checks:{i}", options.Checks[i].Repository, options.Checks[i].Schedule, repositories);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static CronExpression ParseSchedule(string schedule) =>
        CronExpression.Parse(schedule, schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);

    private static void CheckCommon(List<string> errors, string where, string repository, string schedule, HashSet<string> repositories)
    {
        if (!repositories.Contains(repository))
        {
            errors.Add($"{where}: Repository '{repository}' is not configured under {Program.RepositoriesSection} (known: {string.Join(", ", repositories.Order(StringComparer.Ordinal))}).");
        }

        try
        {
            ParseSchedule(schedule);
        }
        catch (CronFormatException e)
        {
            errors.Add($"{where}: Schedule '{schedule}' is not a cron expression: {e.Message}");
        }
    }
}
