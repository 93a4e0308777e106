using Restic.Net.Repository.Tests.Support;

namespace Restic.Net.Repository.Tests.Conformance;

/// <summary>The find conformance tests on a repository restic wrote over SFTP, read natively over SFTP.</summary>
public sealed class SftpFindConformanceTests(SftpConformanceRepository repository) : FindConformanceTests<SftpConformanceRepository>(repository);
