namespace Restic.Net;

/// <summary>
/// An event of a snapshot comparison: a closed family of <see cref="DiffChangeEvent"/> and, last,
/// <see cref="DiffCompletedEvent"/>.
/// </summary>
public abstract record DiffEvent
{
    private protected DiffEvent()
    {
    }
}
