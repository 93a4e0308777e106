namespace Restic.Net;

/// <summary>Options of a file history (<see cref="IResticClient.GetFileHistoryAsync"/>).</summary>
public sealed record FileHistoryOptions
{
    /// <summary>Looks only in snapshots that match the filter (host, tags, paths); null looks in every snapshot.</summary>
    public SnapshotFilter? Filter { get; init; }

    internal void Validate()
    {
        if (Filter is not null)
        {
            Guard.Filter(Filter);
        }
    }
}
