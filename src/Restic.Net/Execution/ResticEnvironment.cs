namespace Restic.Net.Execution;

/// <summary>What a repository, a password and the options contribute to a child process.</summary>
internal sealed class ResticEnvironment
{
    public Dictionary<string, string?> Variables { get; } = new(StringComparer.Ordinal);

    /// <summary><c>key=value</c> pairs, each passed as <c>--option=key=value</c>.</summary>
    public List<string> ExtendedOptions { get; } = [];
}
