namespace Restic.Net.Execution;

/// <summary>What a repository, a password and the options contribute to a child process.</summary>
internal sealed class ResticEnvironment
{
    public Dictionary<string, string?> Variables { get; } = new(StringComparer.Ordinal);

    /// <summary><c>key=value</c> pairs, each passed as <c>--option=key=value</c>.</summary>
    public List<string> ExtendedOptions { get; } = [];

    /// <summary>Global flags a backend needs on every command that opens the repository, such as <c>--cacert=FILE</c>; never secrets.</summary>
    public List<string> GlobalFlags { get; } = [];
}
