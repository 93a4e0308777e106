using System.Diagnostics;

namespace Restic.Net.Diagnostics;

/// <summary>
/// The span and metrics of one restic command (all its attempts): created by
/// <see cref="ResticTelemetry.StartCommand"/>, completed by exactly one of <see cref="Succeeded"/>,
/// <see cref="Failed(Exception)"/> or <see cref="Cancelled"/>; disposing it without an outcome records a failure.
/// </summary>
internal sealed class CommandTelemetry : IDisposable
{
    private readonly string _operation;
    private readonly string _repository;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly Activity? _activity;
    private int _attempts;
    private Exception? _lastAttemptError;
    private bool _completed;

    public CommandTelemetry(string operation, string repository, TimeProvider time)
    {
        _operation = operation;
        _repository = repository;
        _time = time;
        _started = time.GetTimestamp();
        _activity = ResticTelemetry.Source.StartActivity("restic " + operation, ActivityKind.Internal);
        _activity?.SetTag(ResticTelemetry.OperationTag, operation);
        _activity?.SetTag(ResticTelemetry.RepositoryTag, repository);
    }

    /// <summary>Counts an attempt; every attempt after the first is a retry (of any resilience pipeline).</summary>
    public void AttemptStarting()
    {
        if (++_attempts == 1)
        {
            return;
        }

        var errorType = _lastAttemptError?.GetType().Name ?? "_OTHER";
        ResticTelemetry.Retries.Add(1, Tags(Tag(ResticTelemetry.ErrorTypeTag, errorType)));
        if (_lastAttemptError is ResticRepositoryLockedException)
        {
            ResticTelemetry.LockWaits.Add(1, Tags());
        }

        _activity?.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection
        {
            [ResticTelemetry.AttemptsTag] = _attempts,
            [ResticTelemetry.ErrorTypeTag] = errorType,
        }));
        _lastAttemptError = null;
    }

    /// <summary>Remembers why an attempt failed (the reason of a retry that may follow) and returns the exception.</summary>
    public Exception AttemptFailed(Exception exception)
    {
        _lastAttemptError = exception;
        return exception;
    }

    /// <summary>
    /// restic's run was accepted as a result. A non-zero exit code is a result with errors (a
    /// backup with unreadable files, a restore that could not write some files, a check that found
    /// damage): recorded as <c>partial</c>, so dashboards do not count it as a clean success.
    /// </summary>
    public void Succeeded(int exitCode)
    {
        _activity?.SetTag(ResticTelemetry.ExitCodeTag, exitCode);
        Complete(exitCode == 0 ? "success" : "partial", null);
    }

    public void Failed(Exception exception) =>
        Failed(exception.GetType().Name, (exception as ResticException)?.ExitCode);

    public void Cancelled() => Complete("cancelled", null);

    public void Dispose()
    {
        if (!_completed)
        {
            // An exception that none of the outcomes saw (for example from a custom resilience pipeline).
            Failed(_lastAttemptError?.GetType().Name ?? "_OTHER", (_lastAttemptError as ResticException)?.ExitCode);
        }

        _activity?.Dispose();
    }

    private void Failed(string errorType, int? exitCode)
    {
        if (_completed)
        {
            return;
        }

        if (exitCode is { } code)
        {
            _activity?.SetTag(ResticTelemetry.ExitCodeTag, code);
        }

        _activity?.SetStatus(ActivityStatusCode.Error, errorType);
        ResticTelemetry.Errors.Add(1, Tags(Tag(ResticTelemetry.ErrorTypeTag, errorType)));
        Complete("failure", errorType);
    }

    private void Complete(string outcome, string? errorType)
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        _activity?.SetTag(ResticTelemetry.OutcomeTag, outcome);
        _activity?.SetTag(ResticTelemetry.AttemptsTag, Math.Max(1, _attempts));
        if (errorType is not null)
        {
            _activity?.SetTag(ResticTelemetry.ErrorTypeTag, errorType);
        }

        var seconds = _time.GetElapsedTime(_started).TotalSeconds;
        ResticTelemetry.OperationDuration.Record(seconds, errorType is null
            ? Tags(Tag(ResticTelemetry.OutcomeTag, outcome))
            : Tags(Tag(ResticTelemetry.OutcomeTag, outcome), Tag(ResticTelemetry.ErrorTypeTag, errorType)));
    }

    private static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);

    private TagList Tags(params ReadOnlySpan<KeyValuePair<string, object?>> extra)
    {
        var tags = new TagList
        {
            { ResticTelemetry.OperationTag, _operation },
            { ResticTelemetry.RepositoryTag, _repository },
        };
        foreach (var tag in extra)
        {
            tags.Add(tag);
        }

        return tags;
    }
}
