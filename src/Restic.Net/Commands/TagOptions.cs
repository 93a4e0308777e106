namespace Restic.Net;

/// <summary>
/// Options of <c>tag</c>: which tags to add, remove or set. The snapshots are the call's
/// <see cref="SnapshotSelection"/> argument.
/// </summary>
public sealed record TagOptions
{
    /// <summary>Tags to add (<c>--add</c>), one per entry; a comma in a tag throws <see cref="ArgumentException"/> (restic would split it).</summary>
    public IReadOnlyList<string> Add { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Add)); }

    /// <summary>Tags to remove (<c>--remove</c>), one per entry, without commas.</summary>
    public IReadOnlyList<string> Remove { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Remove)); }

    /// <summary>Tags that replace all current ones (<c>--set</c>); cannot be combined with <see cref="Add"/> or <see cref="Remove"/>.</summary>
    public IReadOnlyList<string> Set { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Set)); }

    internal void Validate()
    {
        Guard.Tags(Add);
        Guard.Tags(Remove);
        Guard.Tags(Set);
        if (Add.Count + Remove.Count + Set.Count == 0)
        {
            throw new ArgumentException("Name at least one tag to add, remove or set.", nameof(Add));
        }

        if (Set.Count > 0 && Add.Count + Remove.Count > 0)
        {
            throw new ArgumentException("Set cannot be combined with Add or Remove.", nameof(Set));
        }
    }
}
