namespace Restic.Net.Samples.WebApi.Endpoints;

/// <summary>
/// What a restore does with files that exist in the target already (<c>overwrite</c>; restic's
/// <c>--overwrite</c>). Not given, a target that holds anything is refused (409).
/// </summary>
internal enum RestoreOverwrite
{
    /// <summary>Overwrite every existing file; the only choice restic before 0.17 has.</summary>
    Always,

    /// <summary>Overwrite files whose content differs from the snapshot's (restic 0.17+).</summary>
    IfChanged,

    /// <summary>Overwrite files older than the snapshot's copy (restic 0.17+).</summary>
    IfNewer,

    /// <summary>Keep every existing file (restic 0.17+).</summary>
    Never,
}
