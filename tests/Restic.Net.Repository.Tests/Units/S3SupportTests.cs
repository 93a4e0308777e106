namespace Restic.Net.Repository.Tests.Units;

/// <summary>Which S3 repositories the reader opens itself, decided before any request.</summary>
[Trait("Restic", "None")]
public sealed class S3SupportTests
{
    private static readonly ResticPassword Password = ResticPassword.FromValue("x");

    private static readonly S3Repository WithKeys = new("http://127.0.0.1:9", "bucket") { AccessKeyId = "id", SecretAccessKey = "secret" };

    [Fact]
    public void An_S3_repository_with_keys_is_read_natively()
    {
        Assert.True(ResticNativeReads.Default.CanRead(WithKeys, Password));
        Assert.True(ResticNativeReads.Default.CanRead(WithKeys with { SessionToken = "token", Prefix = "a/b", BucketLookup = S3BucketLookup.Dns }, Password));
    }

    [Fact]
    public async Task Without_keys_restic_reads_the_credentials_so_the_CLI_path_serves_it()
    {
        // restic's default chain reads a profile, the shared credentials file or the instance's role: the reader does not.
        var noKeys = WithKeys with { AccessKeyId = null, SecretAccessKey = null };
        Assert.False(ResticNativeReads.Default.CanRead(noKeys, Password));
        Assert.False(ResticNativeReads.Default.CanRead(noKeys with { Profile = "backup" }, Password));
        var ex = await Assert.ThrowsAsync<NotSupportedException>(() => ResticRepositoryReader.OpenAsync(noKeys, Password));
        Assert.Contains("AccessKeyId", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_the_CLI_path_refuses_are_refused_natively_too()
    {
        // The CLI path checks the settings before it starts restic (here a region restic could not take); so does the reader.
        var badRegion = WithKeys with { Region = "eu central" };
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => ResticRepositoryReader.OpenAsync(badRegion, Password));
        Assert.DoesNotContain("secret", ex.Message, StringComparison.Ordinal);
    }
}
