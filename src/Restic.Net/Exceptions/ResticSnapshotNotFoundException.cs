namespace Restic.Net;

/// <summary>
/// The snapshot a command named does not exist: no snapshot id starts with the given prefix, or
/// <c>latest</c> matched nothing (restic exit code 1 with "no matching ID found" or "no snapshot found").
/// Not transient: list the snapshots and name an existing one.
/// </summary>
public sealed class ResticSnapshotNotFoundException : ResticCommandException
{
    internal ResticSnapshotNotFoundException(string message, int? exitCode, string? commandLine, string? resticMessage, string? standardError)
        : base(message, exitCode, commandLine, resticMessage, standardError)
    {
    }
}
