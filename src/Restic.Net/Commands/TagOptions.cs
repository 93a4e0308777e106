namespace Restic.Net;

/// <summary>
/// Options of <c>tag</c>: which tags to add, remove or set, on which snapshots. The snapshots are
/// chosen explicitly: by id, by filter, or all of them with <see cref="AllSnapshots"/>.
/// </summary>
public sealed record TagOptions
{
    /// <summary>Tags to add (<c>--add</c>), one per entry; a comma in a tag throws <see cref="ArgumentException"/> (restic would split it).</summary>
    public IReadOnlyList<string> Add { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Add)); }

    /// <summary>Tags to remove (<c>--remove</c>), one per entry, without commas.</summary>
    public IReadOnlyList<string> Remove { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Remove)); }

    /// <summary>Tags that replace all current ones (<c>--set</c>); cannot be combined with <see cref="Add"/> or <see cref="Remove"/>.</summary>
    public IReadOnlyList<string> Set { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Set)); }

    /// <summary>
    /// The snapshots to change, by id. Or select with <see cref="Filter"/>, or every snapshot with
    /// <see cref="AllSnapshots"/>: one of the three is required.
    /// </summary>
    public IReadOnlyList<SnapshotReference> Snapshots { get => field ?? ValueList<SnapshotReference>.Empty; init => field = ValueList.Of(value, nameof(Snapshots)); }

    /// <summary>Changes only snapshots that match the filter.</summary>
    public SnapshotFilter? Filter { get; init; }

    /// <summary>
    /// Selects every snapshot of the repository. Required when neither <see cref="Snapshots"/> nor
    /// <see cref="Filter"/> selects: restic then changes every snapshot, and each gets a new id.
    /// </summary>
    public bool AllSnapshots { get; init; }

    internal void Validate()
    {
        Guard.Selection(Snapshots, Filter, AllSnapshots, "tag");
        Guard.Tags(Add);
        Guard.Tags(Remove);
        Guard.Tags(Set);
        foreach (var tag in Add.Concat(Remove).Concat(Set))
        {
            if (tag.Contains(',', StringComparison.Ordinal))
            {
                throw new ArgumentException($"A tag must not contain a comma: '{tag}'.", nameof(Add));
            }
        }

        if (Add.Count + Remove.Count + Set.Count == 0)
        {
            throw new ArgumentException("Name at least one tag to add, remove or set.", nameof(Add));
        }

        if (Set.Count > 0 && Add.Count + Remove.Count > 0)
        {
            throw new ArgumentException("Set cannot be combined with Add or Remove.", nameof(Set));
        }

        Guard.Snapshots(Snapshots);
    }
}
