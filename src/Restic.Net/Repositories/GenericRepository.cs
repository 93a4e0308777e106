using Restic.Net.Execution;
using Restic.Net.Processes;

namespace Restic.Net;

/// <summary>
/// Any repository string restic understands, with the environment variables and <c>-o</c> options
/// its backend needs. The escape hatch for backends without a typed model.
/// </summary>
public sealed record GenericRepository : ResticRepository
{
    private readonly string _location;

    /// <summary>Creates a repository from a restic location string.</summary>
    /// <param name="location">For example <c>rest:http://127.0.0.1:8000/repo</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="location"/> is empty or contains a NUL character.</exception>
    public GenericRepository(string location)
    {
        Guard.NotNullOrEmptyNoNul(location);
        _location = location;
    }

    /// <summary>
    /// Environment variables for the backend, such as <c>AWS_ACCESS_KEY_ID</c>. Values of variables
    /// whose names look like credentials (KEY, SECRET, PASSWORD, TOKEN, SAS, ...) are masked in logs and error messages.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Extended options passed as <c>-o key=value</c>, such as <c>s3.region</c>.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <inheritdoc />
    internal override string ToResticLocation() => _location;

    /// <inheritdoc />
    internal override void ApplyTo(ResticEnvironment environment)
    {
        base.ApplyTo(environment);
        foreach (var (name, value) in Environment)
        {
            Guard.NotNullOrEmptyNoNul(name, nameof(Environment));
            Guard.NoNul(value, nameof(Environment));
            environment.Variables[name] = value;
        }

        foreach (var (key, value) in Options)
        {
            Guard.NotNullOrEmptyNoNul(key, nameof(Options));
            Guard.NoNul(value, nameof(Options));
            environment.ExtendedOptions.Add($"{key}={value}");
        }
    }

    /// <inheritdoc />
    internal override IEnumerable<string> GetSecrets() =>
        base.GetSecrets().Concat(Environment.Where(v => ChildEnvironment.IsSecretName(v.Key)).Select(v => v.Value));
}
