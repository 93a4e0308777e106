namespace Restic.Net;

/// <summary>
/// An event of a restore stream: a closed family of <see cref="RestoreStatusEvent"/>,
/// <see cref="RestoreFileEvent"/>, <see cref="RestoreErrorEvent"/>, <see cref="UnknownRestoreEvent"/>
/// and, last, <see cref="RestoreCompletedEvent"/>.
/// </summary>
public abstract record RestoreEvent
{
    private protected RestoreEvent()
    {
    }
}
