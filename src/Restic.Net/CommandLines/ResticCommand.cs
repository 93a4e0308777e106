using Restic.Net.Execution;
using Restic.Net.Secrets;

namespace Restic.Net.CommandLines;

/// <summary>
/// One restic command as the client builds it: the verb, its flags and its positional values.
/// <see cref="ToArguments"/> adds the global flags and puts positionals after <c>--</c>, so a
/// value starting with <c>-</c> can never be read as a flag.
/// </summary>
internal sealed record ResticCommand(string Operation, IReadOnlyList<string> Verb, IReadOnlyList<string> Flags, IReadOnlyList<string> Positionals)
{
    private static readonly Dictionary<string, string?> s_noVariables = new(StringComparer.Ordinal);

    /// <summary>Whether the command opens the repository (and so needs the password and repository variables).</summary>
    public bool OpensRepository { get; init; } = true;

    /// <summary>The lock restic takes for the command; decides <c>--retry-lock</c> and the in-process <see cref="Locks.RepositoryGate"/>.</summary>
    public ResticLockKind Lock { get; init; } = ResticLockKind.Shared;

    /// <summary>
    /// Whether restic runs with <c>--json</c> (the default). Off only where restic 0.19+ prints in JSON mode
    /// nothing of the text the client reads: <c>forget --prune</c>'s prune report.
    /// </summary>
    public bool Json { get; init; } = true;

    /// <summary>Whether the command creates a snapshot, whose host is <see cref="ResticSettings.DefaultBackupHost"/> unless it names one.</summary>
    public bool RecordsHost { get; init; }

    /// <summary>Waits for every other command of this process on the repository although restic takes no lock.</summary>
    public bool ExclusiveInProcess { get; init; }

    /// <summary>Whether the command takes a repository lock (<c>--retry-lock</c> applies).</summary>
    public bool TakesLock
    {
        get => Lock != ResticLockKind.None;
        init => Lock = value ? (Lock == ResticLockKind.None ? ResticLockKind.Shared : Lock) : ResticLockKind.None;
    }

    /// <summary>
    /// Variables set (or, with a null value, removed) on top of the client's environment for this
    /// command only: another password, the source repository of <c>copy</c>, the cache folder.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = s_noVariables;

    /// <summary>Secret values this command adds (a new key's password, a source repository's password), masked like the client's own.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>
    /// Data for restic's standard input (<c>backup --stdin</c>); null for an empty, closed stdin. Such a
    /// command is never retried: the input cannot be read twice.
    /// </summary>
    public Stream? StandardInput { get; init; }

    /// <summary>
    /// Receives restic's stdout as raw bytes instead of lines (<c>dump</c>, streamed listings). The
    /// progress watchdog does not apply: a slow reader, not restic, decides the pace.
    /// </summary>
    public Stream? StandardOutput { get; init; }

    /// <summary>The environment of this command: the client's, with <see cref="Environment"/> applied.</summary>
    public IReadOnlyDictionary<string, string?> EnvironmentFor(ResticSettings settings)
    {
        var baseline = OpensRepository ? settings.RepositoryEnvironment : settings.VersionEnvironment;
        if (Environment.Count == 0)
        {
            return baseline;
        }

        var merged = new Dictionary<string, string?>(baseline, StringComparer.Ordinal);
        foreach (var (name, value) in Environment)
        {
            merged[name] = value;
        }

        return merged;
    }

    /// <summary>The redactor of this command: the client's, plus <see cref="Secrets"/>.</summary>
    public Redactor RedactorFor(ResticSettings settings) =>
        Secrets.Count == 0 ? settings.Redactor : settings.Redactor.With(Secrets);

    /// <summary>The full argv: verb, global flags, command flags, <c>--</c>, positionals.</summary>
    public IReadOnlyList<string> ToArguments(ResticSettings settings, ResticCapabilities? capabilities)
    {
        var arguments = new List<string>(Verb.Count + Flags.Count + Positionals.Count + 8);
        arguments.AddRange(Verb);
        if (Json)
        {
            arguments.Add("--json");
        }

        if (OpensRepository)
        {
            if (!settings.UseCache)
            {
                arguments.Add("--no-cache");
            }

            foreach (var option in settings.ExtendedOptions)
            {
                arguments.Add("--option=" + option);
            }

            arguments.AddRange(settings.GlobalFlags);

            if (TakesLock && capabilities is { RetryLock: true } && settings.LockWaitTimeout > TimeSpan.Zero)
            {
                arguments.Add("--retry-lock=" + ResticFormat.Duration(settings.LockWaitTimeout));
            }
        }

        if (RecordsHost && settings.DefaultBackupHost is { } host && !Flags.Any(f => f.StartsWith("--host=", StringComparison.Ordinal)))
        {
            arguments.Add("--host=" + host);
        }

        arguments.AddRange(Flags);
        if (Positionals.Count > 0)
        {
            arguments.Add("--");
            arguments.AddRange(Positionals);
        }

        return arguments;
    }
}
