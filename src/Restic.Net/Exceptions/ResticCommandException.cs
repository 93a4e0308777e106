namespace Restic.Net;

/// <summary>
/// restic failed (or the native reader failed where restic would): the base of every failure classified from
/// restic's exit code and message, and itself the failure without a dedicated type: exit code 1, an unknown exit
/// code, a panic (2), or an interrupt (130) the caller did not request.
/// </summary>
/// <remarks>
/// <c>catch (ResticCommandException)</c> catches every failure restic reports, whichever type the client gives it:
/// the refinements (<see cref="ResticRepositoryLockedException"/>, <see cref="ResticPathNotFoundException"/>, …)
/// derive from this class, and a failure refined in a later version stays in this <c>catch</c>. Catch a refinement
/// before this class. Not transient: restic's unclassified failures are retried by nothing, and a failure that is
/// found to pass by itself gets a refinement whose <see cref="ResticException.IsTransient"/> is true.
/// </remarks>
public class ResticCommandException : ResticException
{
    internal ResticCommandException(string message, int? exitCode, string? commandLine, string? resticMessage, string? standardError, Exception? innerException = null)
        : base(message, exitCode, commandLine, resticMessage, standardError, innerException)
    {
    }
}
