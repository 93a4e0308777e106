using System.Text.Json;
using System.Text;
using Restic.Net.CommandLines;
using Restic.Net.Execution;
using Restic.Net.Failures;
using Restic.Net.Secrets;
using Restic.Net.Serialization;

namespace Restic.Net;

public partial class ResticClient
{
    private const string ContainsErrors = "repository contains errors";

    /// <inheritdoc />
    /// <remarks>
    /// With <see cref="ForgetOptions.Prune"/> on restic 0.19+, which prints no prune report in JSON mode,
    /// the client first plans (<c>forget --dry-run --json</c>), then removes exactly the planned snapshots
    /// and prunes under one exclusive lock (<c>forget --prune ID...</c>, text), and reads prune's report.
    /// </remarks>
    public virtual async Task<ForgetResult> ForgetAsync(RetentionPolicy policy, ForgetOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(policy);
        options = (options ?? new ForgetOptions()) with { Policy = policy };
        options.Validate();
        if (options.Filter is { } filter)
        {
            Guard.Filter(filter);
        }

        if (options.Prune)
        {
            var capabilities = (await _executor.GetVersionAsync(cancellationToken).ConfigureAwait(false)).Capabilities;
            if (!capabilities.ForgetPrintsPruneReport)
            {
                return await PlanThenForgetAndPruneAsync(options, cancellationToken).ConfigureAwait(false);
            }
        }

        return await RunForgetAsync(options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ForgetResult> RunForgetAsync(ForgetOptions options, CancellationToken cancellationToken)
    {
        // Exit code 3 (0.19+): some snapshots could not be removed; the result lists them.
        var (run, output) = await RunBufferedAsync(ResticCommands.Forget(options), cancellationToken, static run => run.ExitCode is 0 or 3).ConfigureAwait(false);
        LogCompleted(run);

        // restic prints nothing at all when no snapshot matched. Anything else must be the document: output
        // that was cut or is not restic's is an error, never "nothing removed" (restic may have removed some).
        var stdout = output.StandardOutput;
        ForgetGroupDto[] groups = stdout.Trim(" \t\r\n"u8).IsEmpty
            ? []
            : ParseDocument(run, output, ResticJsonContext.Default.ForgetGroupDtoArray);
        var result = new ForgetResult
        {
            Groups = ProjectOrThrow(run, output, () => Array.ConvertAll(groups, Projections.ToGroup)),
            IsDryRun = options.DryRun,
        };

        // restic prunes (or, with --dry-run, shows what prune would do) only when forget removed something;
        // then prune's text follows the JSON and must be whole.
        PruneResult? prune = null;
        if (options.Prune && result.Removed.Count > 0)
        {
            var end = ResticJson.EndOfDocument(stdout);
            var rest = SplitLines(Encoding.UTF8.GetString(stdout[end..]));
            prune = ParsePruneReport(run, rest, options.DryRun);
        }

        var notRemoved = TextOutput.ParseNotRemovedSnapshots(output.StandardErrorLines);
        return result with
        {
            Prune = prune,
            IsComplete = notRemoved.Count == 0 && run.ExitCode == 0,
            NotRemoved = notRemoved,
        };
    }

    /// <summary>
    /// restic 0.19+ with prune: the plan's JSON names the snapshots, and <c>forget --prune ID...</c> in text
    /// mode removes exactly those and prunes under one lock. A snapshot that appeared after the plan is left
    /// alone, as if the forget had run a moment earlier.
    /// </summary>
    private async Task<ForgetResult> PlanThenForgetAndPruneAsync(ForgetOptions options, CancellationToken cancellationToken)
    {
        var plan = await RunForgetAsync(options with { Prune = false, DryRun = true }, cancellationToken).ConfigureAwait(false);
        var ids = plan.Removed.Select(s => s.Id.Value).Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0)
        {
            // restic prunes only when forget removed something.
            return plan with { IsDryRun = options.DryRun };
        }

        var (run, output) = await RunBufferedAsync(ResticCommands.ForgetAndPrune(ids, options.DryRun), cancellationToken, static run => run.ExitCode is 0 or 3).ConfigureAwait(false);
        LogCompleted(run);
        var notRemoved = TextOutput.ParseNotRemovedSnapshots(output.StandardErrorLines);
        return plan with
        {
            IsDryRun = options.DryRun,
            Prune = ParsePruneReport(run, output.StandardOutputLines, options.DryRun),
            IsComplete = notRemoved.Count == 0 && run.ExitCode == 0,
            NotRemoved = notRemoved,
        };
    }

    /// <summary>
    /// The report of the prune that follows a forget which removed snapshots. When restic could not remove some
    /// (exit code 3) it may have stopped before pruning: then a missing report is no report, not an error.
    /// </summary>
    private PruneResult? ParsePruneReport(ResticRun run, IReadOnlyList<string> lines, bool dryRun)
    {
        try
        {
            return ParseText(run, lines, l => TextOutput.ParsePrune(l, dryRun));
        }
        catch (ResticOutputException) when (run.ExitCode != 0)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public virtual async Task<PruneResult> PruneAsync(PruneOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        options ??= new PruneOptions();
        options.Validate();
        var capabilities = (await _executor.GetVersionAsync(cancellationToken).ConfigureAwait(false)).Capabilities;
        var (run, output) = await RunBufferedAsync(ResticCommands.Prune(options, capabilities), cancellationToken).ConfigureAwait(false);
        LogCompleted(run);
        return ParseText(run, output.StandardOutputLines, lines => TextOutput.ParsePrune(lines, options.DryRun));
    }

    /// <inheritdoc />
    /// <remarks>
    /// restic 0.18 reports errors as JSON; older versions print text, whose error lines (stderr) are
    /// listed in <see cref="CheckResult.Errors"/> and whose progress text is in <see cref="CheckResult.Output"/>.
    /// </remarks>
    public virtual async Task<CheckResult> CheckAsync(CheckOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        options ??= new CheckOptions();
        options.Validate();

        if (options.SelectsSnapshots)
        {
            var version = await _executor.GetVersionAsync(cancellationToken).ConfigureAwait(false);
            if (!version.Capabilities.CheckSnapshotSelection)
            {
                throw new ResticNotSupportedException("check limited to some snapshots", version.Version, ResticCapabilities.V019);
            }
        }

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

        // restic 0.18+ ends every check with a JSON summary; without it the output was cut or is not restic's.
        // Older versions print only progress text: their verdict is the exit code and the errors on stderr.
        var capabilities = (await _executor.GetVersionAsync(cancellationToken).ConfigureAwait(false)).Capabilities;
        if (summary is null && capabilities.JsonCheck)
        {
            throw MissingOutput(run, "check summary", output: string.Join('\n', output.StandardOutputLines));
        }

        var failed = run.ExitCode != 0;
        return new CheckResult
        {
            ErrorCount = summary?.NumErrors ?? (failed ? Math.Max(1, errors.Count) : 0),
            Errors = errors,
            BrokenPacks = summary is null ? null : summary.BrokenPacks ?? [],
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
    public virtual Task<UnlockResult> UnlockAsync(UnlockOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return UnlockAndCompareAsync(options ?? new UnlockOptions(), cancellationToken);
    }

    private static string[] SplitLines(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();
}
