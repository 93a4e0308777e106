using System.Globalization;
using Restic.Net.Processes;
using Restic.Net.Secrets;

namespace Restic.Net.Execution;

/// <summary>The immutable copy of <see cref="ResticClientOptions"/> a client works with.</summary>
internal sealed class ResticSettings
{
    public ResticSettings(ResticClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Repository = options.Repository ?? throw new ArgumentException("ResticClientOptions.Repository is required.", nameof(options));
        Password = options.Password ?? throw new ArgumentException("ResticClientOptions.Password is required.", nameof(options));
        Guard.NotNullOrEmptyNoNul(options.BinaryPath, nameof(options.BinaryPath));
        Guard.NoNul(options.CacheDirectory, nameof(options.CacheDirectory));
        Guard.Positive(options.ProgressInterval, nameof(options.ProgressInterval));
        Guard.Positive(options.ShutdownTimeout, nameof(options.ShutdownTimeout));
        if (options.LockWaitTimeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.LockWaitTimeout, "LockWaitTimeout must not be negative.");
        }

        if (options.NoProgressTimeout is { } noProgress)
        {
            Guard.Positive(noProgress, nameof(options.NoProgressTimeout));
        }

        NoProgressTimeout = options.NoProgressTimeout;
        RemoveStaleLocks = options.RemoveStaleLocks;
        BinaryPath = options.BinaryPath;
        UseCache = options.UseCache;
        ShutdownTimeout = options.ShutdownTimeout;
        LockWaitTimeout = options.LockWaitTimeout;
        Resilience = options.Resilience;
        InheritEnvironment = options.InheritEnvironment;

        var environment = new ResticEnvironment();
        foreach (var (name, value) in options.EnvironmentVariables)
        {
            Guard.NotNullOrEmptyNoNul(name, nameof(options.EnvironmentVariables));
            Guard.NoNul(value, nameof(options.EnvironmentVariables));
            environment.Variables[name] = value;
        }

        // restic 0.19 fails on an invalid value of these and older versions ignored some: checked here, on every version.
        string? Setting(string name) =>
            options.EnvironmentVariables.TryGetValue(name, out var value) ? (string?)value
            : options.InheritEnvironment ? System.Environment.GetEnvironmentVariable(name) : null;
        ResticVariables.Validate(Setting, nameof(options));
        Compression = options.Compression ?? (Setting(ResticVariables.Compression) is { } fromEnvironment ? new ResticCompression(fromEnvironment) : (ResticCompression?)null);
        if (options.Compression is { } compression)
        {
            if (!compression.IsKnown)
            {
                throw new ArgumentException($"Compression '{compression}' is not one of auto, off, fastest, better and max.", nameof(options));
            }

            environment.GlobalFlags.Add("--compression=" + compression.Value);
        }

        // RESTIC_HOST names the host of new backups; it must never filter other commands' snapshots (0.17+ would).
        DefaultBackupHost = Setting(ResticVariables.Host);
        if (DefaultBackupHost is not null)
        {
            Guard.SingleLine(DefaultBackupHost, nameof(options.EnvironmentVariables));
            environment.Variables[ResticVariables.Host] = null;
        }

        Repository.ApplyTo(environment);
        Password.ApplyTo(environment.Variables);
        if (options.CacheDirectory is { Length: > 0 } cache)
        {
            environment.Variables["RESTIC_CACHE_DIR"] = Path.GetFullPath(cache);
        }

        // restic reads frames per second; 2 per second by default instead of restic's 60.
        var fps = Math.Min(60, 1 / options.ProgressInterval.TotalSeconds);
        // "R" keeps tiny rates such as 0.0004 (restic would treat a rounded 0 as "no limit": 60 per second).
        environment.Variables["RESTIC_PROGRESS_FPS"] = fps.ToString("R", CultureInfo.InvariantCulture);

        RepositoryEnvironment = ChildEnvironment.Build(environment.Variables, options.InheritEnvironment);

        // Commands that do not open the repository get the user's variables, but neither the password nor the location.
        var versionVariables = new Dictionary<string, string?>(StringComparer.Ordinal) { ["RESTIC_PROGRESS_FPS"] = environment.Variables["RESTIC_PROGRESS_FPS"] };
        foreach (var (name, value) in options.EnvironmentVariables)
        {
            versionVariables[name] = value;
        }

        VersionEnvironment = ChildEnvironment.Build(versionVariables, options.InheritEnvironment);
        ExtendedOptions = environment.ExtendedOptions.ToArray();
        GlobalFlags = environment.GlobalFlags.ToArray();
        Redactor = new Redactor(
            Repository.GetSecrets()
                .Append(Password.SecretValue)
                .Concat(options.EnvironmentVariables.Where(v => ChildEnvironment.IsSecretName(v.Key)).Select(v => v.Value)));
    }

    public ResticRepository Repository { get; }

    public ResticPassword Password { get; }

    public string BinaryPath { get; }

    public bool UseCache { get; }

    public TimeSpan ShutdownTimeout { get; }

    public TimeSpan LockWaitTimeout { get; }

    public TimeSpan? NoProgressTimeout { get; }

    public bool RemoveStaleLocks { get; }

    public ResticResiliencePolicy? Resilience { get; }

    public bool InheritEnvironment { get; }

    /// <summary>The compression restic uses: the option, else <c>RESTIC_COMPRESSION</c>; null for restic's default.</summary>
    public ResticCompression? Compression { get; }

    /// <summary><c>RESTIC_HOST</c> of the options (or inherited): passed as <c>--host</c> of backups that name none.</summary>
    public string? DefaultBackupHost { get; }

    /// <summary>The child environment of commands that open the repository.</summary>
    public IReadOnlyDictionary<string, string?> RepositoryEnvironment { get; }

    /// <summary>The child environment of commands that do not open a repository, such as <c>version</c>.</summary>
    public IReadOnlyDictionary<string, string?> VersionEnvironment { get; }

    /// <summary><c>key=value</c> pairs for <c>-o</c>.</summary>
    public IReadOnlyList<string> ExtendedOptions { get; }

    /// <summary>Backend flags such as <c>--cacert=FILE</c>, added to every command that opens the repository.</summary>
    public IReadOnlyList<string> GlobalFlags { get; }

    public Redactor Redactor { get; }
}
