using Restic.Net.Repository.Tests.Support;

namespace Restic.Net.Repository.Tests.Conformance;

/// <summary>
/// The damage tests over SFTP: copies of the repository restic wrote over SFTP, damaged in the server's folder and
/// read natively through sshd. A damaged file is a typed error naming it, never wrong bytes, as from a local folder.
/// </summary>
[Trait("Restic", "Newest")] // a transport, not a format: against the newest restic only (docs/design-decisions.md)
public sealed class SftpDamageTests(SftpConformanceRepository fixture) : DamageTests<SftpConformanceRepository>(fixture)
{
    private readonly SftpConformanceRepository _fixture = fixture;

    protected override string CopyFolder => _fixture.Server.DataFolder;

    protected override ResticRepository LocationOf(string copy) => _fixture.At(copy);

    protected override void HandOver(string copy) => _fixture.Server.HandOver(copy);
}
