namespace Restic.Net.Repository.Tests.Support;

/// <summary>Tests that count the process's allocations: run alone, so that no other test allocates meanwhile.</summary>
[CollectionDefinition(nameof(MemoryMeasured), DisableParallelization = true)]
public sealed class MemoryMeasured;
