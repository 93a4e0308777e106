using System.Text;
using System.Text.Json;
using Restic.Net.Execution;
using Restic.Net.Serialization;

namespace Restic.Net;

public partial class ResticClient
{
    private const string ContainsErrors = "repository contains errors";

    /// <inheritdoc />
    public virtual async Task<ForgetResult> ForgetAsync(ForgetOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Filter is { } filter)
        {
            ValidateFilter(filter);
        }

        var (run, output) = await RunBufferedAsync(ResticCommands.Forget(options), cancellationToken).ConfigureAwait(false);
        LogCompleted(run);

        // restic prints nothing when no snapshot matched; with --prune, prune's text follows the JSON.
        // One pass over the document: its end is looked for only for prune's text or when it cannot be read.
        var stdout = output.StandardOutput;
        ForgetGroupDto[] groups;
        try
        {
            groups = ResticJson.DeserializeDocument(stdout, ResticJsonContext.Default.ForgetGroupDtoArray);
        }
        catch (JsonException) when (ResticJson.EndOfDocument(stdout) < 0)
        {
            groups = [];
        }
        catch (JsonException)
        {
            groups = ParseDocument(run, output, ResticJsonContext.Default.ForgetGroupDtoArray); // throws, with the output
        }

        PruneResult? prune = null;
        if (options.Prune)
        {
            var end = ResticJson.EndOfDocument(stdout);
            var rest = Encoding.UTF8.GetString(end < 0 ? stdout : stdout[end..]);
            var parsed = TextOutput.ParsePrune(SplitLines(rest), options.DryRun);

            // restic prunes only when forget removed something.
            prune = parsed.RemainingBlobs is null ? null : parsed;
        }

        return new ForgetResult
        {
            Groups = ProjectOrThrow(run, output, () => Array.ConvertAll(groups, Projections.ToGroup)),
            IsDryRun = options.DryRun,
            Prune = prune,
        };
    }

    /// <inheritdoc />
    public virtual async Task<PruneResult> PruneAsync(PruneOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PruneOptions();
        options.Validate();
        var (run, output) = await RunBufferedAsync(ResticCommands.Prune(options), cancellationToken).ConfigureAwait(false);
        LogCompleted(run);
        return TextOutput.ParsePrune(output.StandardOutputLines, options.DryRun);
    }

    /// <inheritdoc />
    /// <remarks>
    /// restic 0.18 reports errors as JSON; older versions print text, whose error lines (stderr) are
    /// listed in <see cref="CheckResult.Errors"/> and whose progress text is in <see cref="CheckResult.Output"/>.
    /// </remarks>
    public virtual async Task<CheckResult> CheckAsync(CheckOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CheckOptions();
        options.Validate();
        var (run, output) = await RunBufferedAsync(
            ResticCommands.Check(options),
            cancellationToken,
            static run => run.ExitCode == 0 ||
                (run.ExitCode == 1 && ErrorClassifier.ResticMessage(run)?.Contains(ContainsErrors, StringComparison.Ordinal) == true))
            .ConfigureAwait(false);
        LogCompleted(run);

        var errors = new List<string>();
        CheckSummaryDto? summary = null;
        foreach (var line in output.StandardErrorLines)
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            if (JsonLine.TryGetMessageType(bytes, out var type))
            {
                if (type == MessageTypes.Error && ResticJson.TryDeserialize(bytes, ResticJsonContext.Default.ErrorDto)?.Message is { } message &&
                    message.Trim().Length > 0)
                {
                    errors.Add(_executor.Settings.Redactor.Redact(message.Trim()));
                }
            }
            else if (run.ExitCode != 0 && line.Trim().Length > 0 && !line.Contains(ContainsErrors, StringComparison.Ordinal))
            {
                errors.Add(_executor.Settings.Redactor.Redact(line.Trim()));
            }
        }

        var text = new List<string>();
        foreach (var line in output.StandardOutputLines)
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            if (JsonLine.TryGetMessageType(bytes, out var type))
            {
                summary = type == MessageTypes.Summary ? ResticJson.TryDeserialize(bytes, ResticJsonContext.Default.CheckSummaryDto) : summary;
            }
            else
            {
                text.Add(line);
            }
        }

        var failed = run.ExitCode != 0;
        return new CheckResult
        {
            ErrorCount = summary?.NumErrors ?? (failed ? Math.Max(1, errors.Count) : 0),
            Errors = errors,
            BrokenPacks = summary?.BrokenPacks ?? [],
            SuggestRepairIndex = summary?.SuggestRepairIndex ?? false,
            SuggestPrune = summary?.SuggestPrune ?? false,
            Output = text,
        };
    }

    /// <inheritdoc />
    /// <remarks>
    /// Lists the locks (with their holders) before and after <c>restic unlock</c> to report which it
    /// removed; that costs two or three more restic runs that take no lock.
    /// </remarks>
    public virtual Task<UnlockResult> UnlockAsync(UnlockOptions? options = null, CancellationToken cancellationToken = default) =>
        UnlockAndCompareAsync(options ?? new UnlockOptions(), cancellationToken);

    private static string[] SplitLines(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();
}
