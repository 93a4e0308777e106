using Restic.Net.CommandLines;
using Restic.Net.Execution;
using Restic.Net.Processes;

namespace Restic.Net;

/// <summary>
/// A repository on any rclone remote: <c>rclone:remote:path</c>. restic starts <c>rclone serve restic --stdio</c> for each command.
/// </summary>
/// <remarks>
/// Remotes come from rclone's configuration file, or from <c>RCLONE_CONFIG_&lt;NAME&gt;_*</c> variables in
/// <see cref="Environment"/> (values of variables whose names look like credentials are masked in the client's output).
/// </remarks>
public sealed record RcloneRepository : ResticRepository
{
    /// <summary>Creates an rclone repository.</summary>
    /// <param name="remote">The rclone remote name (without the colon), such as <c>b2prod</c>; empty for a path on the local file system.</param>
    /// <param name="path">The folder on the remote; may be empty for the remote's root.</param>
    /// <exception cref="ArgumentException">The remote name is malformed.</exception>
    public RcloneRepository(string remote, string path)
    {
        ArgumentNullException.ThrowIfNull(remote);
        ArgumentNullException.ThrowIfNull(path);
        if (remote.Length > 0)
        {
            BackendSettings.Token(remote, nameof(remote), "The rclone remote name", ":/\"'\\");
        }
        else if (path.Length == 0)
        {
            throw new ArgumentException("An rclone repository needs a remote name or a path.", nameof(path));
        }

        Guard.NoNul(path);
        Remote = remote;
        Path = path;
    }

    /// <summary>The rclone remote name, or empty for a local path.</summary>
    public string Remote { get; }

    /// <summary>The folder on the remote.</summary>
    public string Path { get; }

    /// <summary>The rclone program (<c>-o rclone.program</c>); null for <c>rclone</c> on PATH.</summary>
    public string? Program { get; init; }

    /// <summary>The rclone arguments (<c>-o rclone.args</c>), each a single word; null for restic's <c>serve restic --stdio --b2-hard-delete</c>.</summary>
    public IReadOnlyList<string>? Arguments { get; init => field = ValueList<string>.Of(value); }

    /// <summary>How long restic waits for rclone to start (<c>-o rclone.timeout</c>); null for restic's 1 minute.</summary>
    public TimeSpan? StartTimeout { get; init; }

    /// <summary>Variables for rclone, such as <c>RCLONE_CONFIG_MYS3_TYPE=s3</c>; every name must start with <c>RCLONE_</c>.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <inheritdoc />
    internal override string ToResticLocation() => Remote.Length == 0 ? "rclone:" + Path : $"rclone:{Remote}:{Path}";

    /// <inheritdoc />
    internal override void ApplyTo(ResticEnvironment environment)
    {
        BackendSettings.CommandWord(Program, nameof(Program), "The rclone program");
        foreach (var argument in Arguments ?? [])
        {
            BackendSettings.CommandWord(argument, nameof(Arguments), "Each of the rclone arguments");
        }

        if (StartTimeout is { } timeout)
        {
            Guard.Positive(timeout, nameof(StartTimeout));
        }

        foreach (var (name, value) in Environment)
        {
            Guard.NotNullOrEmptyNoNul(name, nameof(Environment));
            Guard.NoNul(value, nameof(Environment));
            if (!name.StartsWith("RCLONE_", StringComparison.Ordinal))
            {
                throw BackendSettings.Invalid($"RcloneRepository.Environment holds rclone's variables only (RCLONE_*); got '{name}'. Use ResticClientOptions.EnvironmentVariables for others.", nameof(Environment));
            }
        }

        base.ApplyTo(environment);
        BackendSettings.Option(environment, "rclone.program", Program, nameof(Program));
        if (Arguments is { Count: > 0 })
        {
            environment.ExtendedOptions.Add("rclone.args=" + string.Join(' ', Arguments));
        }

        if (StartTimeout is { } start)
        {
            environment.ExtendedOptions.Add("rclone.timeout=" + ResticFormat.Duration(start));
        }

        foreach (var (name, value) in Environment)
        {
            environment.Variables[name] = value;
        }
    }

    /// <inheritdoc />
    internal override IEnumerable<string> GetSecrets() =>
        Environment.Where(v => ChildEnvironment.IsSecretName(v.Key) && v.Value.Length > 0).Select(v => v.Value);
}
