namespace Restic.Net.Execution;

/// <summary>The argv builders of the commands beyond the core set.</summary>
internal static partial class ResticCommands
{
    /// <summary><c>list locks</c>: lock ids, one per line; never locks.</summary>
    public static ResticCommand ListLocks() =>
        new("list locks", ["list", "locks"], ["--no-lock"], []) { Lock = ResticLockKind.None };

    /// <summary><c>cat lock ID</c>: the stored lock JSON; without taking a lock itself.</summary>
    public static ResticCommand CatLock(string id) =>
        new("cat lock", ["cat", "lock"], ["--no-lock"], [id]) { Lock = ResticLockKind.None };

}
