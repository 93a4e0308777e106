using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Restic.Net.CommandLines;
using Restic.Net.Diagnostics;
using Restic.Net.Failures;
using Restic.Net.Locks;
using Restic.Net.Output;
using Restic.Net.Processes;
using Restic.Net.Secrets;
using Restic.Net.Serialization;

namespace Restic.Net.Execution;

/// <summary>
/// Runs restic commands for one client: builds the argv and environment, runs the attempts of a command
/// through the resilience policy, captures stderr, logs, and maps failures to typed exceptions.
/// </summary>
internal sealed partial class ResticExecutor
{
    private readonly IResticProcessRunner _runner;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ResticResiliencePolicy _policy;
    private readonly Lock _versionGate = new();
    private readonly RepositoryGate _gate;
    private readonly LockHousekeeping _locks;

    /// <summary>Lock listing and removal, shared by the client's lock API and the lock policies.</summary>
    public LockHousekeeping Locks => _locks;
    private Task<ResticVersion>? _version;

    public ResticExecutor(ResticSettings settings, IResticProcessRunner runner, ILogger logger, TimeProvider time, ClientLifetime lifetime)
    {
        Settings = settings;
        Lifetime = lifetime;
        _runner = runner;
        _logger = logger;
        _time = time;
        _policy = settings.Resilience ?? new LockWaitPolicy(settings.LockWaitTimeout, settings.Repository.RedactedLocation, logger, time);
        _gate = RepositoryGate.For(settings.Repository.ToResticLocation());
        _locks = new LockHousekeeping(this);
    }

    public ResticSettings Settings { get; }

    /// <summary>The client's disposal: every run enters it, and disposal stops and awaits the runs in flight.</summary>
    public ClientLifetime Lifetime { get; }

    /// <summary>
    /// How long disposal waits for the runs it stopped: restic's <see cref="ResticSettings.ShutdownTimeout"/> after SIGINT,
    /// a few seconds for a kill to take effect, and the lock housekeeping that follows a kill (<see cref="LockHousekeeping.AfterCancelBudget"/>).
    /// </summary>
    public TimeSpan DisposeTimeout => Settings.ShutdownTimeout + TimeSpan.FromSeconds(5) + LockHousekeeping.AfterCancelBudget;

    public ILogger Logger => _logger;

    public TimeProvider Time => _time;

    public string RepositoryName => Settings.Repository.RedactedLocation;

    /// <summary>
    /// The installed restic's version, asked once and cached (a failed query is retried next time):
    /// per process for the real runner (<see cref="VersionCache"/>, shared by clients that run the same
    /// executable the same way), per client for any other runner. The query is shared, so it runs
    /// without any caller's token; each caller waits with its own.
    /// </summary>
    public async Task<ResticVersion> GetVersionAsync(CancellationToken cancellationToken)
    {
        using var scope = Lifetime.EnterRun(cancellationToken);
        try
        {
            return await SharedVersion().WaitAsync(scope?.Token ?? cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (scope is not null && scope.Token.IsCancellationRequested)
        {
            throw scope.StoppedByDisposal(cancellationToken) ? ClientLifetime.Interrupted("version", ex) : new OperationCanceledException(ex.Message, ex, cancellationToken);
        }
    }

    private Task<ResticVersion> SharedVersion()
    {
        Task<ResticVersion> version;
        lock (_versionGate)
        {
            if (_version is null || _version.IsFaulted || _version.IsCanceled)
            {
                // A test's fake runner answers for itself: only the real process runner shares answers.
                var key = _runner is Processes.CliWrapProcessRunner ? VersionCache.KeyFor(Settings.BinaryPath, Settings.VersionEnvironment) : null;
                _version = VersionCache.GetOrQuery(key, () => QueryVersionAsync(CancellationToken.None));
            }

            version = _version;
        }

        return version;
    }

    /// <summary>
    /// Runs a command to completion. The resilience policy (by default: retry while locked) runs the attempts and
    /// sees the failures it may retry; <paramref name="isAccepted"/> decides which exits are results rather than failures.
    /// </summary>
    public async Task<ResticRun> RunAsync(
        ResticCommand command,
        IResticOutputSink sink,
        CancellationToken cancellationToken,
        Func<ResticRun, bool>? isAccepted = null,
        Func<bool>? hasDelivered = null,
        Stream? standardInput = null)
    {
        // Disposal stops the run like a cancellation (housekeeping runs enter no scope: they must still run).
        using var scope = Lifetime.EnterRun(cancellationToken);
        var callerToken = cancellationToken;
        cancellationToken = scope?.Token ?? callerToken;
        isAccepted ??= static run => run.ExitCode == 0;
        ResticCapabilities? capabilities = null;
        if (command.OpensRepository)
        {
            var version = await GetVersionAsync(cancellationToken).ConfigureAwait(false);
            if (version.Version < ResticVersion.MinimumSupported)
            {
                throw new ResticNotSupportedException("Restic.Net", version.Version, ResticVersion.MinimumSupported);
            }

            // restic before 0.19 rejects (0.15-0.18) or ignores (0.14) these levels: fail the same way on every version.
            if (Settings.Compression is { NeedsLevels: true } compression && !version.Capabilities.CompressionLevels)
            {
                throw new ResticNotSupportedException($"compression level {compression}", version.Version, ResticCapabilities.V019);
            }

            capabilities = version.Capabilities;
        }

        var context = new ResticCommandContext
        {
            Operation = command.Operation,
            Repository = RepositoryName,
            ResticWaitsForLock = command.TakesLock && capabilities is { RetryLock: true } && Settings.LockWaitTimeout > TimeSpan.Zero,
        };
        var started = _time.GetTimestamp();
        var runToken = cancellationToken;
        using var telemetry = ResticTelemetry.StartCommand(command.Operation, RepositoryName, _time);

        // Whether the policy may see a failure (and so retry it): only one nothing was delivered for, no input was
        // read for, and that a retry could cure (IsTransient); never the caller's cancellation or the client's disposal.
        bool MayRetry(Exception failure) =>
            hasDelivered?.Invoke() != true && command.StandardInput is null && failure switch
            {
                OperationCanceledException => !runToken.IsCancellationRequested,
                ResticException restic => restic.IsTransient,
                _ => false,
            };

        async Task<ResticRun> ExecuteAsync()
        {
            var outcome = new AttemptOutcome();
            // The version query is shared by every client of the executable: no one client's policy runs it.
            var policy = command.Operation == "version" ? SingleAttempt.Instance : _policy;
            await policy.ExecuteAsync(
                async attemptToken =>
                {
                    if (Interlocked.Exchange(ref outcome.Running, 1) != 0)
                    {
                        throw new InvalidOperationException("The resilience policy started an attempt while another ran: attempts of a restic command run one after the other.");
                    }

                    try
                    {
                        outcome.Run = null;
                        outcome.Failure = null;
                        telemetry.AttemptStarting();
                        ResticRun attempt;
                        try
                        {
                            attempt = await RunOnceAsync(command, capabilities, sink, standardInput, attemptToken).ConfigureAwait(false);
                        }
                        catch (Exception ex)
                        {
                            outcome.Failure = ExceptionDispatchInfo.Capture(ex);
                            if (MayRetry(ex))
                            {
                                throw telemetry.AttemptFailed(ex);
                            }

                            return; // thrown once the policy returned: no policy may retry it
                        }

                        outcome.Run = attempt;
                        if (!isAccepted(attempt) && ErrorClassifier.CreateException(attempt) is var failure && MayRetry(failure))
                        {
                            outcome.Failure = ExceptionDispatchInfo.Capture(failure);
                            throw telemetry.AttemptFailed(failure);
                        }
                    }
                    finally
                    {
                        Volatile.Write(ref outcome.Running, 0);
                    }
                },
                context,
                cancellationToken).ConfigureAwait(false);

            // The last attempt's failure: one no policy may retry, or one the policy gave up on without throwing.
            outcome.Failure?.Throw();
            var run = outcome.Run ?? throw new InvalidOperationException("The resilience policy returned without running the restic command: it must call the attempt at least once.");
            if (!isAccepted(run))
            {
                throw ErrorClassifier.CreateException(run);
            }

            // Accepted by its exit code, but its output was cut: what was read may be incomplete.
            return run.CutStandardOutput is { } cut ? throw ErrorClassifier.CutOutput(run, cut) : run;
        }

        try
        {
            ResticRun run;
            try
            {
                run = await ExecuteAsync().ConfigureAwait(false);
            }
            catch (ResticRepositoryLockedException) when (Settings.RemoveStaleLocks && command.TakesLock && hasDelivered?.Invoke() != true)
            {
                // The opt-in policy: remove what restic itself calls stale, then try once more.
                var removed = await _locks.RemoveStaleLocksAsync(cancellationToken).ConfigureAwait(false);
                if (removed.Count == 0)
                {
                    throw;
                }

                run = await ExecuteAsync().ConfigureAwait(false);
            }

            telemetry.Succeeded(run.ExitCode);
            if (command.TakesLock && _locks.HasPendingChecks)
            {
                // The backend answers again: look for the locks of earlier runs that could not be checked.
                using (Lifetime.BeginHousekeeping())
                {
                    await _locks.CheckPendingAsync().ConfigureAwait(false);
                }
            }

            return run;
        }
        catch (ResticException ex)
        {
            telemetry.Failed(ex);
            LogFailure(command.Operation, _time.GetElapsedTime(started), ex);
            throw;
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            telemetry.Cancelled();
            if (ex is not ResticProcessKilledException)
            {
                Log.OperationCancelled(_logger, command.Operation, RepositoryName, (long)_time.GetElapsedTime(started).TotalMilliseconds);
            }

            if (scope is not null && scope.StoppedByDisposal(callerToken))
            {
                throw ClientLifetime.Interrupted(command.Operation, ex);
            }

            if (ex.CancellationToken == callerToken)
            {
                throw;
            }

            // The caller's own token, so that `catch (OperationCanceledException e) when (e.CancellationToken == token)` works.
            throw new OperationCanceledException(ex.Message, ex, callerToken);
        }
    }

    /// <summary>The Warning that a command failed, with the exception's type and restic's message.</summary>
    public void LogFailure(string operation, TimeSpan duration, ResticException exception)
    {
        if (_logger.IsEnabled(LogLevel.Warning))
        {
            var errorType = exception.GetType().Name;
            Log.OperationFailed(_logger, operation, RepositoryName, (long)duration.TotalMilliseconds, errorType, exception.ExitCode, exception.ResticMessage);
        }
    }

    private async Task<ResticRun> RunOnceAsync(
        ResticCommand command,
        ResticCapabilities? capabilities,
        IResticOutputSink sink,
        Stream? standardInput,
        CancellationToken cancellationToken)
    {
        var arguments = command.ToArguments(Settings, capabilities);
        ArgumentLimits.Check(command.Operation, arguments);
        var redactor = command.RedactorFor(Settings);
        var commandLine = redactor.FormatCommandLine(Settings.BinaryPath, arguments);
        var invocation = new ResticInvocation(
            Settings.BinaryPath,
            arguments,
            command.EnvironmentFor(Settings),
            Settings.ShutdownTimeout)
        { StandardInput = standardInput ?? command.StandardInput, StandardOutput = command.StandardOutput };

        // In-process first, so that this process never waits for restic locks it holds itself.
        using var gateEntry = command.OpensRepository && (command.TakesLock || command.ExclusiveInProcess)
            ? await _gate.EnterAsync(command.Lock == ResticLockKind.Exclusive || command.ExclusiveInProcess, cancellationToken).ConfigureAwait(false)
            : null;

        (sink as IRestartableSink)?.Restart();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var watchdog = command.OpensRepository && command.StandardOutput is null && Settings.NoProgressTimeout is { } timeout
            ? new ProgressWatchdog(sink, timeout, _time, stop)
            : null;
        IResticOutputSink traced = new TracingSink(watchdog ?? sink, this, command.Operation);
        var monitor = command.OpensRepository ? new BackendRejectionMonitor(traced, stop) : null;
        var capture = new StderrCapture(monitor ?? traced, redactor);
        Log.CommandStarting(_logger, command.Operation, commandLine);
        var started = _time.GetTimestamp();
        int exitCode;
        try
        {
            exitCode = await _runner.RunAsync(invocation, capture, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (monitor is { Kind: not BackendRejectionKind.None } && !cancellationToken.IsCancellationRequested)
        {
            throw StoppedOnRejection(command, monitor, redactor, commandLine, capture);
        }
        catch (OperationCanceledException ex) when (watchdog is { Fired: true } && !cancellationToken.IsCancellationRequested)
        {
            var limit = Settings.NoProgressTimeout!.Value;
            Log.NoProgressTimeout(_logger, command.Operation, RepositoryName, (long)limit.TotalMilliseconds);
            await AfterStopAsync(command, capabilities, ex, $"made no progress for {limit} and was stopped", capture).ConfigureAwait(false);

            // restic's last word says why (a retry notice names the backend error): part of the message.
            var last = capture.Tail.LastOrDefault(l => l.Trim().Length > 0);
            throw new ResticTimeoutException(
                $"restic {command.Operation} made no progress for {limit} and was stopped." + (last is null ? string.Empty : " Its last message: " + last),
                null,
                commandLine,
                string.Join('\n', capture.Tail),
                limit);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            await AfterStopAsync(command, capabilities, ex, "was cancelled", capture).ConfigureAwait(false);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ResticException and not ArgumentException)
        {
            // A failure while reading restic's output: report it with its context, never as a bare pipe error.
            throw new ResticOutputException(
                $"Reading the output of restic {command.Operation} failed: {redactor.Redact(ex.Message)}",
                null,
                commandLine,
                string.Join('\n', capture.Tail),
                ex);
        }
        var duration = _time.GetElapsedTime(started);
        Log.CommandExited(_logger, command.Operation, exitCode, (long)duration.TotalMilliseconds);
        if (monitor is { Kind: not BackendRejectionKind.None } && exitCode != 0)
        {
            // restic exited on the interrupt (or just before it) without the stop surfacing as a cancellation: same outcome.
            throw StoppedOnRejection(command, monitor, redactor, commandLine, capture);
        }

        var run = new ResticRun(command, exitCode, commandLine, capture.ExitErrorMessage, capture.Tail, duration)
        {
            CutStandardOutput = capture.CutStandardOutput,
            ProcessId = capture.ProcessId,
        };
        if (exitCode != 0 && command.TakesLock && run.ProcessId > 0 && ErrorClassifier.StoppedBySignal(run) is { } signal)
        {
            // Someone else stopped restic: a SIGKILL leaves its lock, and so may a signal restic handled.
            var killed = ErrorClassifier.HandledSignal(run) is null;
            using (Lifetime.BeginHousekeeping())
            {
                await _locks.AfterAbnormalEndAsync(new AbnormalEnd(
                    run.ProcessId, command.Operation, killed, "was stopped by " + signal, capabilities?.InterruptRemovesLock ?? true, run.StandardErrorTail)).ConfigureAwait(false);
            }
        }

        return run;
    }

    /// <summary>
    /// After the client stopped restic (cancellation or the no-progress watchdog): logs a kill, and lets
    /// the lock housekeeping look for the lock restic may have left (bounded; never throws).
    /// </summary>
    private async Task AfterStopAsync(ResticCommand command, ResticCapabilities? capabilities, OperationCanceledException stop, string how, StderrCapture capture)
    {
        var (processId, killed) = stop switch
        {
            ResticProcessKilledException k => (k.ProcessId, true),
            ResticProcessInterruptedException i => (i.ProcessId, false),
            _ => (0, false),
        };
        if (killed)
        {
            Log.CancellationForced(_logger, command.Operation, RepositoryName, processId, (long)Settings.ShutdownTimeout.TotalMilliseconds);
            how += ", killed after SIGINT";
        }

        if (command.TakesLock && processId > 0)
        {
            // Also when disposal stopped the run: the lock an interrupted restic left is removed before disposal returns.
            using (Lifetime.BeginHousekeeping())
            {
                await _locks.AfterAbnormalEndAsync(new AbnormalEnd(
                    processId, command.Operation, killed, how, capabilities?.InterruptRemovesLock ?? true, capture.Tail)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The typed exception for a command the <see cref="BackendRejectionMonitor"/> stopped.</summary>
    private ResticException StoppedOnRejection(ResticCommand command, BackendRejectionMonitor monitor, Redactor redactor, string commandLine, StderrCapture capture)
    {
        var (notice, error) = monitor.Rejection;
        Log.StoppedOnBackendRejection(_logger, command.Operation, RepositoryName, redactor.Redact(error));
        return BackendRejection.CreateException(
            monitor.Kind,
            $"restic {command.Operation} was stopped instead of retrying: {redactor.Redact(error).TrimEnd('.')}. {BackendRejection.Advice(monitor.Kind)}",
            null,
            commandLine,
            redactor.Redact(notice),
            string.Join('\n', capture.Tail));
    }

    private async Task<ResticVersion> QueryVersionAsync(CancellationToken cancellationToken)
    {
        // Shared with every client that runs this executable: no one client's disposal may stop it.
        using var housekeeping = Lifetime.BeginHousekeeping();
        var command = new ResticCommand("version", ["version"], [], []) { OpensRepository = false, TakesLock = false };
        var sink = new BufferingSink();
        var run = await RunAsync(command, sink, cancellationToken).ConfigureAwait(false);
        return ParseVersion(sink.StandardOutput, run);
    }

    /// <summary>Parses <c>version --json</c> (0.17+) or the text line older versions print.</summary>
    internal static ResticVersion ParseVersion(ReadOnlySpan<byte> output, ResticRun run)
    {
        if (JsonLine.TryGetMessageType(output.TrimEnd("\r\n"u8), out _) &&
            ResticJson.TryDeserialize(output.TrimEnd("\r\n"u8), ResticJsonContext.Default.VersionDto) is { Version: { } text } dto &&
            TryParseVersionNumber(text, out var number))
        {
            return new ResticVersion { Version = number, VersionText = text, GoVersion = dto.GoVersion ?? string.Empty, OperatingSystem = dto.GoOs ?? string.Empty, Architecture = dto.GoArch ?? string.Empty };
        }

        // "restic 0.14.0 compiled with go1.19.8 on linux/amd64"
        var line = System.Text.Encoding.UTF8.GetString(output).Trim();
        var match = VersionText().Match(line);
        if (match.Success && TryParseVersionNumber(match.Groups["version"].Value, out number))
        {
            return new ResticVersion { Version = number, VersionText = match.Groups["version"].Value, GoVersion = match.Groups["go"].Value, OperatingSystem = match.Groups["os"].Value, Architecture = match.Groups["arch"].Value };
        }

        throw new ResticOutputException($"restic version printed an unrecognised version: '{line}'.", run.ExitCode, run.CommandLine, run.StandardError);
    }

    private static bool TryParseVersionNumber(string text, out Version version)
    {
        var match = VersionNumber().Match(text);
        version = match.Success
            ? new Version(
                int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
                match.Groups[3].Success ? int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) : 0)
            : new Version(0, 0, 0);
        return match.Success;
    }

    [GeneratedRegex(@"^restic (?<version>\S+)(?: \(.*?\))? compiled with (?<go>\S+) on (?<os>[^/\s]+)/(?<arch>\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex VersionText();

    [GeneratedRegex(@"^v?(\d+)\.(\d+)(?:\.(\d+))?", RegexOptions.CultureInvariant)]
    private static partial Regex VersionNumber();

    /// <summary>Logs raw lines at Trace (redacted) before the operation's sink sees them.</summary>
    private sealed class TracingSink(IResticOutputSink inner, ResticExecutor executor, string operation) : IResticOutputSink
    {
        private readonly ILogger _logger = executor._logger;

        public void OnStandardOutputLine(ReadOnlySpan<byte> line)
        {
            if (_logger.IsEnabled(LogLevel.Trace))
            {
                Trace("stdout", System.Text.Encoding.UTF8.GetString(line));
            }

            inner.OnStandardOutputLine(line);
        }

        public void OnStandardErrorLine(string line)
        {
            if (_logger.IsEnabled(LogLevel.Trace))
            {
                Trace("stderr", line);
            }

            inner.OnStandardErrorLine(line);
        }

        private void Trace(string stream, string line)
        {
            var redacted = executor.Settings.Redactor.Redact(line);
            Log.RawOutputLine(_logger, operation, stream, redacted);
        }
    }

    /// <summary>What the attempts of one command left: the last run, the last failure, and whether one runs now.</summary>
    private sealed class AttemptOutcome
    {
        public int Running;
        public ResticRun? Run;
        public ExceptionDispatchInfo? Failure;
    }

    /// <summary>Runs a command once: for the shared version query.</summary>
    private sealed class SingleAttempt : ResticResiliencePolicy
    {
        public static readonly SingleAttempt Instance = new();

        public override ValueTask ExecuteAsync(Func<CancellationToken, ValueTask> attempt, ResticCommandContext context, CancellationToken cancellationToken) =>
            attempt(cancellationToken);
    }
}
