namespace Restic.Net.Repository.Tests.Support;

/// <summary>
/// The conformance repository written by the restic under test straight into a bucket of a moto S3 server (under a
/// prefix, so that the reader's layout below it is tested too), with the same source tree and snapshots as the local one.
/// </summary>
public sealed class S3ConformanceRepository() : ConformanceRepository(2)
{
    private readonly MotoServer _moto = new();

    public MotoServer Moto => _moto;

    public S3Repository S3 => _moto.Repository("conformance", "hosts/web1");

    public override ResticRepository Location => S3;

    public override async Task InitializeAsync()
    {
        await _moto.InitializeAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await _moto.DisposeAsync();
        await base.DisposeAsync();
    }

    public override ResticClientOptions ClientOptions()
    {
        var options = base.ClientOptions();
        options.Repository = S3;
        return options;
    }

    public override Task<string[]> StoredFilesAsync() => S3Objects.ListAsync(S3);

    /// <summary>A local copy of what restic wrote into the bucket (the damage tests damage it, then sync it to a bucket of their own).</summary>
    public override string CopyTo(string target)
    {
        S3Objects.DownloadAsync(S3, target).GetAwaiter().GetResult();
        return target;
    }

    protected override Task InitRepositoryAsync(string formatVersion)
    {
        // restic creates the bucket; the keys reach it as the CLI path passes them, in the environment.
        var s3 = S3;
        var environment = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = s3.AccessKeyId!,
            ["AWS_SECRET_ACCESS_KEY"] = s3.SecretAccessKey!,
        };
        return ResticProcess.RunAsync(
            s3.ToResticLocation(), Cache, environment, "init", "--repository-version", formatVersion, "-o", "s3.region=" + s3.Region);
    }
}
