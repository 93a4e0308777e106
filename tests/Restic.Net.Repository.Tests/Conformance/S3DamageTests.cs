using Restic.Net.Repository.Tests.Support;

namespace Restic.Net.Repository.Tests.Conformance;

/// <summary>
/// The damage tests over S3: local copies of the repository restic wrote into moto, damaged (or pruned by restic) on
/// disk and synced into a bucket of their own before the reader reads them over S3. A damaged object is a typed error
/// naming it, never wrong bytes, as from a local folder.
/// </summary>
[Trait("Restic", "Newest")] // a transport, not a format: against the newest restic only (docs/design-decisions.md)
public sealed class S3DamageTests(S3ConformanceRepository fixture) : DamageTests<S3ConformanceRepository>(fixture)
{
    private readonly S3ConformanceRepository _fixture = fixture;

    protected override ResticRepository LocationOf(string copy)
    {
        // The fixture's own repository is the bucket restic wrote; a copy goes to the "damage" bucket under its name.
        if (copy == _fixture.Repository)
        {
            return _fixture.S3;
        }

        var s3 = _fixture.S3;
        var at = new S3Repository(s3.Endpoint, "damage") { Prefix = Path.GetFileName(copy), AccessKeyId = s3.AccessKeyId, SecretAccessKey = s3.SecretAccessKey, Region = s3.Region };
        S3Objects.SyncAsync(at, copy).GetAwaiter().GetResult();
        return at;
    }

    // What restic or the test changed in the copy reaches the bucket at once, also under a reader already open.
    protected override void HandOver(string copy) => LocationOf(copy);
}
