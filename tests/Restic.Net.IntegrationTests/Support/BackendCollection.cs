namespace Restic.Net.IntegrationTests.Support;

/// <summary>
/// The backend test classes run one after another: each starts restic (scrypt) and a server process, and on a 2-core
/// machine running them all at once would starve the timing-sensitive process tests that run in parallel.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BackendCollection
{
    public const string Name = "backend servers";
}
