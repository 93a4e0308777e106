namespace Restic.Net.Samples.Console.Tests;

[Trait("Restic", "None")] // starts no restic: run once, not per restic version
public class SampleArgumentsTests
{
    [Fact]
    public void NoArguments_IsTheQuickStart_WithTheBinaryFromTheEnvironment()
    {
        var arguments = SampleArguments.Parse([], "/opt/restic");

        Assert.Null(arguments.Repository);
        Assert.Equal("/opt/restic", arguments.Restic);
    }

    [Fact]
    public void RepoMode_ReadsEveryOption()
    {
        var arguments = SampleArguments.Parse(["--repo", "sftp:u@h:/r", "--password-file", "pw", "--source", "data", "--init", "--restic", "/bin/restic"], null);

        Assert.Equal("sftp:u@h:/r", arguments.Repository);
        Assert.Equal("pw", arguments.PasswordFile);
        Assert.Equal(Path.GetFullPath("data"), arguments.Source);
        Assert.True(arguments.Init);
        Assert.Equal("/bin/restic", arguments.Restic);
    }

    [Theory]
    [InlineData("--password is not supported", "--repo", "/r", "--password", "secret")]
    [InlineData("--repo needs --password-file", "--repo", "/r")]
    [InlineData("need --repo", "--source", "/data")]
    [InlineData("--repo needs a value", "--repo")]
    [InlineData("--password-file needs a value", "--repo", "/r", "--password-file", "--init")]
    [InlineData("unknown argument '--verbose'", "--verbose")]
    public void BadArguments_ThrowWithAMessageForTheUser(string message, params string[] args)
    {
        var ex = Assert.Throws<ArgumentException>(() => SampleArguments.Parse(args, null));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }
}
