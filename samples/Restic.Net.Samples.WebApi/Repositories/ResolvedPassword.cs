namespace Restic.Net.Samples.WebApi.Repositories;

/// <summary>
/// A request's repository password and what identifies it for <see cref="ReadClientCache"/>: the clear value or the
/// password file's path. The identity never leaves the process: the cache keeps only an HMAC of it.
/// </summary>
internal sealed record ResolvedPassword(ResticPassword Password, string Identity);
